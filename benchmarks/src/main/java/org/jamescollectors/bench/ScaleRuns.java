package org.jamescollectors.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first scheduled run of every collector of the cycle, as the scale node reported it: how
 * late each started after its due time, how long it took, how many succeeded.
 */
final class ScaleRuns {
    private final int collectors;
    private final int succeeded;
    private final long[] lags;
    private final long[] durations;
    private final long stepMillis;

    private ScaleRuns(int collectors, int succeeded, long[] lags, long[] durations,
                      long stepMillis) {
        this.collectors = collectors;
        this.succeeded = succeeded;
        this.lags = lags;
        this.durations = durations;
        this.stepMillis = stepMillis;
    }

    /** From the words of the node's report answer; collector i was due at {@code i * step}. */
    static ScaleRuns parse(String answer, long stepMillis) {
        String[] words = answer.split(" ");
        return new ScaleRuns(Integer.parseInt(words[0]), Integer.parseInt(words[1]),
            numbers(words, 2), numbers(words, 3), stepMillis);
    }

    private static long[] numbers(String[] words, int index) {
        if (words.length <= index || words[index].isEmpty()) {
            return new long[0];
        }
        return Arrays.stream(words[index].split(",")).mapToLong(Long::parseLong).toArray();
    }

    int collectors() {
        return collectors;
    }

    int succeeded() {
        return succeeded;
    }

    /** Collectors without a scheduled run in the cycle. */
    int notStarted() {
        return (int) Arrays.stream(lags).filter(lag -> lag < 0).count();
    }

    /** The lag below which {@code percent} of the started runs lie (nearest rank), in ms. */
    long lagPercentile(double percent) {
        return percentile(lags, percent);
    }

    long maxLag() {
        return Arrays.stream(lags).max().orElse(-1);
    }

    /** How many started more than {@code millis} after their due time. */
    long startedLaterThan(long millis) {
        return Arrays.stream(lags).filter(lag -> lag > millis).count();
    }

    /** The run duration below which {@code percent} of the ended runs lie, in ms. */
    long durationPercentile(double percent) {
        return percentile(durations, percent);
    }

    /** Nearest rank over the values that are not -1; -1 when there are none. */
    private static long percentile(long[] values, double percent) {
        long[] sorted = Arrays.stream(values).filter(value -> value >= 0).sorted().toArray();
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The most runs under way at once, from each run's start and end. */
    int peakUnderWay() {
        List<long[]> events = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            if (lags[i] >= 0 && durations[i] >= 0) {
                long start = i * stepMillis + lags[i];
                events.add(new long[] {start, 1});
                events.add(new long[] {start + durations[i], -1});
            }
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int peak = 0;
        for (long[] event : events) {
            current += (int) event[1];
            peak = Math.max(peak, current);
        }
        return peak;
    }

    /** The mean number of runs under way over {@code spanMillis}. */
    double meanUnderWay(long spanMillis) {
        return Arrays.stream(durations).filter(d -> d >= 0).sum() / (double) spanMillis;
    }
}
