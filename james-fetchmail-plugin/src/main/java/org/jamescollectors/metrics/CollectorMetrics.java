package org.jamescollectors.metrics;

import java.util.Locale;
import java.util.function.Supplier;

import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run metrics through James' {@link MetricFactory}, hence in James' JMX beans and at WebAdmin's
 * {@code /metrics}. Names, all prefixed {@value #PREFIX}:
 * <ul>
 *   <li>{@code collectors_runs}: every finished run, and {@code collectors_runs_success},
 *   {@code collectors_runs_partial}, {@code collectors_runs_failed} by outcome;</li>
 *   <li>{@code collectors_messages_collected} and {@code collectors_bytes_collected};</li>
 *   <li>{@code collectors_failures_<code>}: runs that reported a problem, by its code with dashes
 *   turned into underscores (for example {@code collectors_failures_authentication},
 *   {@code collectors_failures_over_quota});</li>
 *   <li>{@code collectors_run_duration}: a timer over whole runs.</li>
 * </ul>
 * Every counter exists from the start at zero, so that a series never appears out of nowhere.
 * Thread-safe; nothing secret ever goes into a name.
 */
public final class CollectorMetrics implements RunMetrics {
    public static final String PREFIX = "collectors_";
    public static final String RUNS = PREFIX + "runs";
    public static final String MESSAGES = PREFIX + "messages_collected";
    public static final String BYTES = PREFIX + "bytes_collected";
    public static final String FAILURES = PREFIX + "failures_";
    public static final String RUN_DURATION = PREFIX + "run_duration";
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorMetrics.class);

    private final MetricFactory metricFactory;

    private CollectorMetrics(MetricFactory metricFactory) {
        this.metricFactory = metricFactory;
    }

    /** The metrics, every counter of a known name created at zero. */
    public static CollectorMetrics of(MetricFactory metricFactory) {
        metricFactory.generate(RUNS);
        for (Run.Outcome outcome : Run.Outcome.values()) {
            if (outcome != Run.Outcome.RUNNING) {
                metricFactory.generate(RUNS + "_" + outcome.wireName());
            }
        }
        metricFactory.generate(MESSAGES);
        metricFactory.generate(BYTES);
        for (RunFailure.Code code : RunFailure.Code.values()) {
            metricFactory.generate(FAILURES + metricName(code.wireName()));
        }
        return new CollectorMetrics(metricFactory);
    }

    @Override
    public Run measure(Supplier<Run> run) {
        TimeMetric timer = metricFactory.timer(RUN_DURATION);
        Run finished = run.get();
        try {
            timer.stopAndPublish();
            record(finished);
        } catch (RuntimeException e) {
            LOGGER.warn("Could not record the metrics of a collector run: {}", e.toString());
        }
        return finished;
    }

    private void record(Run finished) {
        metricFactory.generate(RUNS).increment();
        metricFactory.generate(RUNS + "_" + finished.outcome().wireName()).increment();
        metricFactory.generate(MESSAGES).add(finished.messages());
        add(metricFactory.generate(BYTES), finished.bytes());
        finished.error().ifPresent(error ->
            metricFactory.generate(FAILURES + metricName(error.code())).increment());
    }

    /** {@link Metric#add} takes an int: larger amounts go in several steps. */
    private static void add(Metric metric, long amount) {
        long left = amount;
        while (left > 0) {
            int step = (int) Math.min(left, Integer.MAX_VALUE);
            metric.add(step);
            left -= step;
        }
    }

    /** A code as a metric name part: lower-case letters, digits and underscores only. */
    static String metricName(String code) {
        String name = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return name.isEmpty() ? "unknown" : name;
    }
}
