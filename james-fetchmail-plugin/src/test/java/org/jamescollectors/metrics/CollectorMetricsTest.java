package org.jamescollectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorRuns;
import org.jamescollectors.collect.Run;
import org.jamescollectors.store.StoreSamples;
import org.junit.jupiter.api.Test;

class CollectorMetricsTest {
    private final RecordingMetricFactory factory = new RecordingMetricFactory();
    private final CollectorMetrics metrics = CollectorMetrics.of(factory);

    @Test
    void measureShouldCountRunsByOutcomeWithMessagesAndBytes() throws Exception {
        metrics.measure(() -> finished(Run.Outcome.SUCCESS, 3, 3000, Optional.empty()));
        metrics.measure(() -> finished(Run.Outcome.SUCCESS, 1, 10, Optional.empty()));
        metrics.measure(() -> finished(Run.Outcome.PARTIAL, 2, 500,
            Optional.of(Run.Error.of("over-quota", "full"))));

        assertThat(factory.countFor("collectors_runs")).isEqualTo(3);
        assertThat(factory.countFor("collectors_runs_success")).isEqualTo(2);
        assertThat(factory.countFor("collectors_runs_partial")).isEqualTo(1);
        assertThat(factory.countFor("collectors_runs_failed")).isZero();
        assertThat(factory.countFor("collectors_messages_collected")).isEqualTo(6);
        assertThat(factory.countFor("collectors_bytes_collected")).isEqualTo(3510);
    }

    @Test
    void measureShouldCountFailuresByCode() throws Exception {
        metrics.measure(() -> finished(Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("authentication", "refused"))));
        metrics.measure(() -> finished(Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("authentication", "refused"))));
        metrics.measure(() -> finished(Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("failing-too-long", "since long"))));

        assertThat(factory.countForPrefixName("collectors_failures_"))
            .containsEntry("collectors_failures_authentication", 2)
            .containsEntry("collectors_failures_failing_too_long", 1)
            .containsEntry("collectors_failures_tls", 0);
    }

    @Test
    void ofShouldCreateEveryKnownCounterAtZero() throws Exception {
        assertThat(factory.countForPrefixName("collectors_"))
            .containsEntry("collectors_runs", 0)
            .containsEntry("collectors_runs_failed", 0)
            .containsEntry("collectors_bytes_collected", 0)
            .containsEntry("collectors_failures_authentication", 0)
            .containsEntry("collectors_failures_over_quota", 0)
            .doesNotContainKey("collectors_runs_running");
    }

    @Test
    void measureShouldTimeEveryRunAndGiveItBackUnchanged() throws Exception {
        Run run = finished(Run.Outcome.SUCCESS, 0, 0, Optional.empty());

        Run measured = metrics.measure(() -> {
            sleep(20);
            return run;
        });

        assertThat(measured).isSameAs(run);
        assertThat(factory.executionTimesFor("collectors_run_duration")).hasSize(1)
            .allSatisfy(duration -> assertThat(duration.toMillis()).isGreaterThanOrEqualTo(20));
    }

    @Test
    void metricNameShouldKeepOnlyLettersDigitsAndUnderscores() throws Exception {
        assertThat(CollectorMetrics.metricName("Over-Quota")).isEqualTo("over_quota");
        assertThat(CollectorMetrics.metricName("a b\r\nc")).isEqualTo("a_b_c");
        assertThat(CollectorMetrics.metricName("---")).isEqualTo("_");
        assertThat(CollectorMetrics.metricName("")).isEqualTo("unknown");
    }

    @Test
    void measuredRunsShouldMeasureRunsAndNotStarts() throws Exception {
        Run started = StoreSamples.run(CollectorId.random(), StoreSamples.NOW);
        Run done = finished(Run.Outcome.SUCCESS, 1, 1, Optional.empty());
        MeasuredRuns runs = MeasuredRuns.of(new FixedRuns(started, done), metrics);

        runs.start(StoreSamples.collector(StoreSamples.ALICE, "work"), Run.Trigger.USER);
        Run result = runs.run(StoreSamples.collector(StoreSamples.ALICE, "work"), started);

        assertThat(result).isSameAs(done);
        assertThat(factory.countFor("collectors_runs")).isEqualTo(1);
    }

    private static Run finished(Run.Outcome outcome, int messages, long bytes,
                                Optional<Run.Error> error) {
        return StoreSamples.finished(CollectorId.random(), StoreSamples.NOW, outcome, messages,
            bytes, error);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs that start and finish as told. */
    private static final class FixedRuns implements CollectorRuns {
        private final Run started;
        private final Run finished;

        FixedRuns(Run started, Run finished) {
            this.started = started;
            this.finished = finished;
        }

        @Override
        public Run start(Collector collector, Run.Trigger trigger) {
            return started;
        }

        @Override
        public Run run(Collector collector, Run started) {
            return finished;
        }
    }
}
