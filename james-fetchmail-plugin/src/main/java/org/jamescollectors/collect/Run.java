package org.jamescollectors.collect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a collector and how it ended: counts of messages and bytes collected, messages skipped
 * (left on the server, for example too large), and the error that stopped or spoilt it.
 */
public final class Run {
    /** Who asked for the run. */
    public enum Trigger {
        SCHEDULE("schedule"), USER("user");

        private final String wireName;

        Trigger(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** How the run ended, or that it has not yet. */
    public enum Outcome {
        RUNNING("running"), SUCCESS("success"), PARTIAL("partial"), FAILED("failed");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** What went wrong: a stable code and a message for people. */
    public static final class Error {
        private final String code;
        private final String message;

        private Error(String code, String message) {
            this.code = Objects.requireNonNull(code, "code");
            this.message = Objects.requireNonNull(message, "message");
        }

        public static Error of(String code, String message) {
            return new Error(code, message);
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Error && ((Error) o).code.equals(code)
                && ((Error) o).message.equals(message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, message);
        }

        @Override
        public String toString() {
            return code + ": " + message;
        }
    }

    private final RunId id;
    private final CollectorId collectorId;
    private final Trigger trigger;
    private final Instant startedAt;
    private final Optional<Instant> finishedAt;
    private final Outcome outcome;
    private final int messages;
    private final long bytes;
    private final int skipped;
    private final Optional<Error> error;

    private Run(RunId id, CollectorId collectorId, Trigger trigger, Instant startedAt,
                Optional<Instant> finishedAt, Outcome outcome, int messages, long bytes,
                int skipped, Optional<Error> error) {
        this.id = Objects.requireNonNull(id, "id");
        this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.messages = messages;
        this.bytes = bytes;
        this.skipped = skipped;
        this.error = Objects.requireNonNull(error, "error");
    }

    /** A run that has just started. */
    public static Run started(RunId id, CollectorId collectorId, Trigger trigger,
                              Instant startedAt) {
        return new Run(id, collectorId, trigger, startedAt, Optional.empty(), Outcome.RUNNING,
            0, 0, 0, Optional.empty());
    }

    /** Rebuilds a run as stored. */
    public static Run of(RunId id, CollectorId collectorId, Trigger trigger, Instant startedAt,
                         Optional<Instant> finishedAt, Outcome outcome, int messages, long bytes,
                         int skipped, Optional<Error> error) {
        return new Run(id, collectorId, trigger, startedAt, finishedAt, outcome, messages, bytes,
            skipped, error);
    }

    /** This run, finished at the given time with the given outcome and counts. */
    public Run finish(Instant at, Outcome outcome, int messages, long bytes, int skipped,
                      Optional<Error> error) {
        return new Run(id, collectorId, trigger, startedAt, Optional.of(at), outcome, messages,
            bytes, skipped, error);
    }

    public RunId id() {
        return id;
    }

    public CollectorId collectorId() {
        return collectorId;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> finishedAt() {
        return finishedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public int messages() {
        return messages;
    }

    public long bytes() {
        return bytes;
    }

    public int skipped() {
        return skipped;
    }

    public Optional<Error> error() {
        return error;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Run)) {
            return false;
        }
        Run that = (Run) o;
        return id.equals(that.id) && collectorId.equals(that.collectorId) && trigger == that.trigger
            && startedAt.equals(that.startedAt) && finishedAt.equals(that.finishedAt)
            && outcome == that.outcome && messages == that.messages && bytes == that.bytes
            && skipped == that.skipped && error.equals(that.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, collectorId, trigger, startedAt, finishedAt, outcome, messages,
            bytes, skipped, error);
    }

    @Override
    public String toString() {
        return "Run{" + id + " of " + collectorId + ", " + outcome.wireName() + ", " + messages
            + " messages}";
    }
}
