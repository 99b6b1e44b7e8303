package org.jamescollectors.bench;

/** What one contender did with the whole message set on one protocol. */
final class Result {
    private static final double MB = 1_000_000.0;

    private final String contender;
    private final String protocol;
    private final int messages;
    private final long bytes;
    private final double seconds;
    private final double cpuSeconds;
    private final double jamesCpuSeconds;
    private final long peakRssKib;
    private final long jamesPeakRssKib;
    private final Verdict verdict;

    private Result(Builder builder) {
        this.contender = builder.contender;
        this.protocol = builder.protocol;
        this.messages = builder.messages;
        this.bytes = builder.bytes;
        this.seconds = builder.seconds;
        this.cpuSeconds = builder.cpuSeconds;
        this.jamesCpuSeconds = builder.jamesCpuSeconds;
        this.peakRssKib = builder.peakRssKib;
        this.jamesPeakRssKib = builder.jamesPeakRssKib;
        this.verdict = builder.verdict;
    }

    static Builder builder(String contender, String protocol) {
        return new Builder(contender, protocol);
    }

    String contender() {
        return contender;
    }

    String protocol() {
        return protocol;
    }

    double seconds() {
        return seconds;
    }

    /** Counts only the messages that arrived: a fast peer that loses mail gains nothing. */
    double messagesPerSecond() {
        return seconds > 0 ? verdict.arrived() / seconds : 0;
    }

    /** The set's bytes in proportion to the messages that arrived. */
    double megabytesPerSecond() {
        return seconds > 0 && messages > 0
            ? bytes / MB * verdict.arrived() / messages / seconds : 0;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    /** James' own CPU seconds for peers delivering into it (for our collector: the same). */
    double jamesCpuSeconds() {
        return jamesCpuSeconds;
    }

    long peakRssKib() {
        return peakRssKib;
    }

    long jamesPeakRssKib() {
        return jamesPeakRssKib;
    }

    Verdict verdict() {
        return verdict;
    }

    /** Whether the mailbox ended with every message exactly once. */
    static final class Verdict {
        private final boolean complete;
        private final int arrived;
        private final String text;

        private Verdict(boolean complete, int arrived, String text) {
            this.complete = complete;
            this.arrived = arrived;
            this.text = text;
        }

        static Verdict complete(int arrived, String text) {
            return new Verdict(true, arrived, text);
        }

        static Verdict incomplete(int arrived, String text) {
            return new Verdict(false, arrived, text);
        }

        /** How many distinct messages of the set arrived intact. */
        int arrived() {
            return arrived;
        }

        boolean isComplete() {
            return complete;
        }

        String text() {
            return text;
        }
    }

    static final class Builder {
        private final String contender;
        private final String protocol;
        private int messages;
        private long bytes;
        private double seconds;
        private double cpuSeconds;
        private double jamesCpuSeconds;
        private long peakRssKib;
        private long jamesPeakRssKib;
        private Verdict verdict = Verdict.incomplete(0, "not verified");

        private Builder(String contender, String protocol) {
            this.contender = contender;
            this.protocol = protocol;
        }

        Builder moved(int messages, long bytes) {
            this.messages = messages;
            this.bytes = bytes;
            return this;
        }

        Builder seconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        Builder cpu(double cpuSeconds, double jamesCpuSeconds) {
            this.cpuSeconds = cpuSeconds;
            this.jamesCpuSeconds = jamesCpuSeconds;
            return this;
        }

        Builder peakRssKib(long peakRssKib, long jamesPeakRssKib) {
            this.peakRssKib = peakRssKib;
            this.jamesPeakRssKib = jamesPeakRssKib;
            return this;
        }

        Builder verdict(Verdict verdict) {
            this.verdict = verdict;
            return this;
        }

        Result build() {
            return new Result(this);
        }
    }
}
