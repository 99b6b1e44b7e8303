package org.jamescollectors.notify;

import java.util.Objects;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.store.StoreMetadata;

/**
 * Remembers, in the shared store, which pause of each collector its owner was told about, so that
 * a pause is told once even when the update that paused it is applied again (a retried update,
 * another node, a restart). A pause is known by its problem's code and start: re-validating a
 * collector clears its problem, so the next pause has a new start and is told again.
 */
public final class PauseNoticeLedger {
    static final String PREFIX = "pause-notice:";

    private final StoreMetadata metadata;

    private PauseNoticeLedger(StoreMetadata metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    public static PauseNoticeLedger over(StoreMetadata metadata) {
        return new PauseNoticeLedger(metadata);
    }

    /** Records the pause as told; false when it already was (nothing is recorded then). */
    public synchronized boolean recordFirstNotice(Collector paused) {
        String name = PREFIX + paused.id().asString();
        String marker = marker(paused);
        if (metadata.get(name).filter(marker::equals).isPresent()) {
            return false;
        }
        metadata.put(name, marker);
        return true;
    }

    private static String marker(Collector paused) {
        return paused.problem()
            .map(problem -> problem.since().toEpochMilli() + "/" + problem.code())
            .orElse("no-problem/" + paused.version());
    }
}
