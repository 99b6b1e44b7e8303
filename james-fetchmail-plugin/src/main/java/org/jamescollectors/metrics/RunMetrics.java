package org.jamescollectors.metrics;

import java.util.function.Supplier;

import org.jamescollectors.collect.Run;

/**
 * Counts and times collector runs. {@link #measure} wraps one whole run on the run's thread and
 * records what the finished run reports; it must not change the run's result, even when
 * recording fails.
 */
@FunctionalInterface
public interface RunMetrics {
    Run measure(Supplier<Run> run);

    /** Records nothing (unit tests, tools). */
    static RunMetrics none() {
        return Supplier::get;
    }
}
