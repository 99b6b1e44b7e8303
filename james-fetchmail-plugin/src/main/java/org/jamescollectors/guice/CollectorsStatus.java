package org.jamescollectors.guice;

import java.util.List;
import java.util.Optional;

import javax.inject.Singleton;

/**
 * Whether collection runs on this node and, if it was refused, why. Shared by start-up and checks.
 */
@Singleton
public final class CollectorsStatus {
    private volatile boolean started;
    private volatile List<String> refusals = List.of();

    void started() {
        this.started = true;
    }

    void refuse(List<String> problems) {
        this.refusals = List.copyOf(problems);
    }

    public boolean isStarted() {
        return started;
    }

    /** Why collection was not started, if it was refused. */
    public Optional<String> refusal() {
        return refusals.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", refusals));
    }
}
