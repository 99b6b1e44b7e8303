package org.jamescollectors.metrics;

import java.util.Objects;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorRuns;
import org.jamescollectors.collect.Run;

/** Runs collectors through another {@link CollectorRuns}, measuring each whole run. */
public final class MeasuredRuns implements CollectorRuns {
    private final CollectorRuns runs;
    private final RunMetrics metrics;

    private MeasuredRuns(CollectorRuns runs, RunMetrics metrics) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public static MeasuredRuns of(CollectorRuns runs, RunMetrics metrics) {
        return new MeasuredRuns(runs, metrics);
    }

    @Override
    public Run start(Collector collector, Run.Trigger trigger) {
        return runs.start(collector, trigger);
    }

    @Override
    public Run run(Collector collector, Run started) {
        return metrics.measure(() -> runs.run(collector, started));
    }
}
