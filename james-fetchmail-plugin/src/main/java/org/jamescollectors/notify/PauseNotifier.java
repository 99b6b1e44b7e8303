package org.jamescollectors.notify;

import org.jamescollectors.collect.Collector;

/**
 * Tells a collector's owner that it was paused. Called once per pause, right after the paused
 * state was stored, on the run's thread; must not throw for a failure to notify (log it instead).
 */
@FunctionalInterface
public interface PauseNotifier {
    void collectorPaused(Collector paused);

    /** Tells nobody (unit tests). */
    static PauseNotifier none() {
        return paused -> { };
    }
}
