package org.jamescollectors.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The scale section: the table, the verdicts against the targets and how it was measured. */
final class ScaleReport {
    static final double IDLE_CPU_TARGET = 0.02;
    static final long HEAP_PER_COLLECTOR_TARGET = 2048;
    static final long LAG_TARGET_MILLIS = 1000;

    /** James' CPU share of one core over a span, and its heap after a full collection. */
    static final class Phase {
        private final double cpuShare;
        private final long heapBytes;

        private Phase(double cpuShare, long heapBytes) {
            this.cpuShare = cpuShare;
            this.heapBytes = heapBytes;
        }

        static Phase of(double cpuShare, long heapBytes) {
            return new Phase(cpuShare, heapBytes);
        }
    }

    private final Builder figures;

    private ScaleReport(Builder figures) {
        this.figures = figures;
    }

    static Builder builder() {
        return new Builder();
    }

    String markdown() {
        return ScaleBench.TITLE + "\n\n"
            + "Measured by `./bench --scale` on "
            + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + " ("
            + Runtime.getRuntime().availableProcessors() + " cores). "
            + count() + " collectors on one James node, each on its own POP3 "
            + "account (implicit TLS) of one private Dovecot on 127.0.0.1, all due once in a "
            + "`collection.interval` of " + ScaleBench.INTERVAL.toMinutes() + " minutes, spread "
            + "evenly over it. Capacity: `collection.concurrency` " + ScaleBench.CONCURRENCY
            + ", `collection.perHostConcurrency` " + ScaleBench.PER_HOST + ". The machine's "
            + "load average (1 min) as the cycle ended: " + figures.loadAverage + ".\n\n"
            + table() + "\n" + verdicts() + "\n" + method();
    }

    private String table() {
        ScaleRuns runs = figures.runs;
        return "| Measure | Value |\n|---|---|\n"
            + row("James CPU, idle, no collector (" + ScaleBench.BASELINE.toSeconds() + " s)",
                percent(figures.none.cpuShare) + " of one core")
            + row("James CPU, idle, " + count() + " collectors, none due ("
                + ScaleBench.IDLE.toSeconds() + " s)", percent(figures.idle.cpuShare)
                + " of one core")
            + row("James CPU, during the cycle (" + ScaleBench.INTERVAL.toSeconds() + " s)",
                percent(figures.cycle.cpuShare) + " of one core")
            + row("James heap after full GC, no collector", mebibytes(figures.none.heapBytes))
            + row("James heap after full GC, " + count() + " idle collectors",
                mebibytes(figures.idle.heapBytes))
            + row("James heap after full GC, during a cycle (the next one's start)",
                mebibytes(figures.cycle.heapBytes) + " (that collection paused James "
                    + figures.cycleGcMillis + " ms)")
            + row("Heap per idle collector", heapPerCollector() + " B")
            + row("Heap per idle collector, from the " + half() + "th to the " + count()
                + "th", marginalHeapPerCollector() + " B")
            + row("Start lag p50 / p95 / p99 / max", runs.lagPercentile(50) + " / "
                + runs.lagPercentile(95) + " / " + runs.lagPercentile(99) + " / "
                + runs.maxLag() + " ms")
            + row("Runs started more than 1 s late", Long.toString(runs.startedLaterThan(
                LAG_TARGET_MILLIS)))
            + row("Runs succeeded", runs.succeeded() + " of " + runs.collectors()
                + (runs.notStarted() > 0 ? " (" + runs.notStarted() + " never started)" : ""))
            + row("Run duration p50 / p99", runs.durationPercentile(50) + " / "
                + runs.durationPercentile(99) + " ms")
            + row("Runs under way, mean / peak", String.format(Locale.ROOT, "%.1f / %d",
                runs.meanUnderWay(ScaleBench.INTERVAL.toMillis()), runs.peakUnderWay()))
            + row("Storing the collectors (store API, one thread)",
                String.format(Locale.ROOT, "%.1f s", figures.createMillis / 1000.0))
            + row("Due times written after they were due", Integer.toString(
                figures.scheduledLate));
    }

    private String verdicts() {
        ScaleRuns runs = figures.runs;
        double idleCpu = figures.idle.cpuShare;
        long perCollector = heapPerCollector();
        long maxLag = runs.maxLag();
        return "Targets:\n\n"
            + "- Idle CPU under 2% of one core with " + count() + " collectors: "
            + (idleCpu < IDLE_CPU_TARGET ? "met (" + percent(idleCpu) + ")"
                : "MISSED by " + percent(idleCpu - IDLE_CPU_TARGET) + " of one core ("
                    + percent(idleCpu) + ")") + ".\n"
            + "- Under 2 KiB of heap per idle collector: "
            + (perCollector < HEAP_PER_COLLECTOR_TARGET ? "met (" + perCollector + " B)"
                : "MISSED by " + (perCollector - HEAP_PER_COLLECTOR_TARGET) + " B ("
                    + perCollector + " B)") + ".\n"
            + "- Every due collector starts within 1 s of its due time: "
            + (maxLag >= 0 && maxLag < LAG_TARGET_MILLIS && runs.notStarted() == 0
                ? "met (max " + maxLag + " ms)"
                : "MISSED: " + runs.startedLaterThan(LAG_TARGET_MILLIS) + " started later, "
                    + runs.notStarted() + " never, the worst by " + (maxLag - LAG_TARGET_MILLIS)
                    + " ms beyond the second") + ".\n";
    }

    private String method() {
        return "How it is measured:\n\n"
            + "- James (memory flavour, the plugin's default store: embedded Derby) runs in a JVM "
            + "of its own with `" + String.join(" ", ScaleNodeProcess.JVM_OPTIONS) + "`, "
            + "driven by the harness over its standard input; every figure is that JVM's. CPU "
            + "is user plus system time from `/proc/<pid>/stat` over the span, divided by "
            + "the span. Heap is the used heap after two `System.gc()` (full collections "
            + "with the serial collector).\n"
            + "- The collectors are written through the plugin's store API, as the "
            + "integration tests do, with due times a day away (idle); then their due times "
            + "are rewritten to one every "
            + ScaleBench.INTERVAL.toMillis() / ScaleBench.COLLECTORS + " ms, starting a few "
            + "seconds later. Heap per idle collector: the heap with "
            + "them stored minus the heap with none (after " + ScaleBench.WARM_UP
            + " collectors were stored and deleted, so that classes and compiled statements "
            + "are in both), divided by their number; it includes what Derby's page cache "
            + "holds of their rows.\n"
            + "- Lag: the start time recorded by the collector's first scheduled run minus its "
            + "due time. The remote accounts are empty: a run logs in over TLS, lists, "
            + "finds nothing new and records itself, the steady state of most accounts.\n"
            + "- Capacity: a run took " + figures.runs.durationPercentile(50) + " ms (median) "
            + "here, so " + count() + " runs in " + ScaleBench.INTERVAL.toSeconds()
            + " s keep " + String.format(Locale.ROOT, "%.1f",
                figures.runs.meanUnderWay(ScaleBench.INTERVAL.toMillis()))
            + " under way on average; " + ScaleBench.CONCURRENCY
            + " slots leave room for bursts and slow logins. `perHostConcurrency` equals "
            + "`concurrency` because the one Dovecot stands for every provider a real node "
            + "would reach.\n"
            + "- Dovecot keeps its login and POP3 processes for many sessions (its "
            + "high-performance mode, `DovecotServer.startPooled`): with a new process per "
            + "connection, the runs mostly waited for its TLS handshake.\n";
    }

    private long heapPerCollector() {
        return (figures.idle.heapBytes - figures.none.heapBytes) / ScaleBench.COLLECTORS;
    }

    /** What the second half of the collectors added, each: fixed costs left out. */
    private long marginalHeapPerCollector() {
        int second = ScaleBench.COLLECTORS - ScaleBench.COLLECTORS / 2;
        return (figures.idle.heapBytes - figures.halfHeap) / second;
    }

    private static String half() {
        return String.format(Locale.ROOT, "%,d", ScaleBench.COLLECTORS / 2);
    }

    private static String count() {
        return String.format(Locale.ROOT, "%,d", ScaleBench.COLLECTORS);
    }

    private static String row(String measure, String value) {
        return "| " + measure + " | " + value + " |\n";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** The figures as the benchmark measures them, one phase after the other. */
    static final class Builder {
        private Phase none;
        private Phase idle;
        private Phase cycle;
        private long cycleGcMillis;
        private long halfHeap;
        private String loadAverage = "?";
        private long createMillis;
        private int scheduledLate;
        private ScaleRuns runs;

        Builder none(Phase phase) {
            this.none = phase;
            return this;
        }

        Builder idle(Phase phase) {
            this.idle = phase;
            return this;
        }

        Builder cycle(Phase phase) {
            this.cycle = phase;
            return this;
        }

        Builder loadAverage(String value) {
            this.loadAverage = value;
            return this;
        }

        Builder halfHeap(long bytes) {
            this.halfHeap = bytes;
            return this;
        }

        Builder cycleGcMillis(long millis) {
            this.cycleGcMillis = millis;
            return this;
        }

        Builder createMillis(long millis) {
            this.createMillis = millis;
            return this;
        }

        Builder scheduledLate(int count) {
            this.scheduledLate = count;
            return this;
        }

        Builder runs(ScaleRuns runs) {
            this.runs = runs;
            return this;
        }

        ScaleReport build() {
            return new ScaleReport(this);
        }
    }
}
