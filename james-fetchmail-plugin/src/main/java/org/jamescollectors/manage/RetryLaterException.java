package org.jamescollectors.manage;

import java.time.Duration;

/** The request is refused for now (rate limit, busy remote server); it may be tried again later. */
public final class RetryLaterException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RetryLaterException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
