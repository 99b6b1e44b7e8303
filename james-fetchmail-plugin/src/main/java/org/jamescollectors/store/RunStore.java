package org.jamescollectors.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;

/** The history of runs, a bounded number per collector. */
public interface RunStore {
    /** Inserts the run, or replaces the stored run with the same id. */
    void save(Run run);

    Optional<Run> find(CollectorId collector, RunId id);

    /** The collector's most recent runs, newest first. */
    List<Run> recent(CollectorId collector, int limit);

    /** Keeps only the {@code keep} most recent runs of the collector; returns how many went. */
    int trim(CollectorId collector, int keep);

    /**
     * Totals over every stored run: runs, messages, bytes, and failed runs by error code (those
     * without an error under {@code "unknown"}).
     */
    RunTotals totals();

    /** Sums of the stored run history. */
    final class RunTotals {
        private final long runs;
        private final long messages;
        private final long bytes;
        private final Map<String, Long> failuresByCode;

        public RunTotals(long runs, long messages, long bytes, Map<String, Long> failuresByCode) {
            this.runs = runs;
            this.messages = messages;
            this.bytes = bytes;
            this.failuresByCode = Map.copyOf(failuresByCode);
        }

        public long runs() {
            return runs;
        }

        public long messages() {
            return messages;
        }

        public long bytes() {
            return bytes;
        }

        public Map<String, Long> failuresByCode() {
            return failuresByCode;
        }
    }
}
