package org.jamescollectors.manage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.collect.Run;

/** A collector as its owner sees it: the stored collector, its last run, its target's state. */
public final class CollectorView {
    private final Collector collector;
    private final Optional<Run> lastRun;
    private final Optional<Boolean> targetFolderExists;

    private CollectorView(Collector collector, Optional<Run> lastRun,
                          Optional<Boolean> targetFolderExists) {
        this.collector = Objects.requireNonNull(collector, "collector");
        this.lastRun = Objects.requireNonNull(lastRun, "lastRun");
        this.targetFolderExists = Objects.requireNonNull(targetFolderExists, "targetFolderExists");
    }

    public static CollectorView of(Collector collector, Optional<Run> lastRun,
                                   Optional<Boolean> targetFolderExists) {
        return new CollectorView(collector, lastRun, targetFolderExists);
    }

    public Collector collector() {
        return collector;
    }

    public Optional<Run> lastRun() {
        return lastRun;
    }

    /** Whether the target folder exists now; empty when mail goes to the Inbox. */
    public Optional<Boolean> targetFolderExists() {
        return targetFolderExists;
    }

    /** When it runs next; empty unless it is active. */
    public Optional<Instant> nextRun() {
        if (collector.state() != CollectorState.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(collector.nextRunAt());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CollectorView)) {
            return false;
        }
        CollectorView that = (CollectorView) o;
        return collector.equals(that.collector) && lastRun.equals(that.lastRun)
            && targetFolderExists.equals(that.targetFolderExists);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collector, lastRun, targetFolderExists);
    }

    @Override
    public String toString() {
        return "CollectorView{" + collector + "}";
    }
}
