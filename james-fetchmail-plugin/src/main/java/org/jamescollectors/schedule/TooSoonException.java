package org.jamescollectors.schedule;

import java.time.Duration;

/** A run was asked for before the collector's minimum interval since its last run had passed. */
public final class TooSoonException extends Exception {
    private final Duration retryAfter;

    public TooSoonException(Duration retryAfter) {
        super("the collector ran recently; try again in "
            + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
