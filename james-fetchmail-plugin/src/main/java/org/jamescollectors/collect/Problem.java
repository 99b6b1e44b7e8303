package org.jamescollectors.collect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a collector is in trouble: a stable code front ends translate, an English message for people,
 * since when, and when the next attempt is due (empty while paused).
 */
public final class Problem {
    private final String code;
    private final String message;
    private final Instant since;
    private final Optional<Instant> retryAt;

    private Problem(String code, String message, Instant since, Optional<Instant> retryAt) {
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
        this.since = Objects.requireNonNull(since, "since");
        this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    }

    public static Problem of(String code, String message, Instant since,
                             Optional<Instant> retryAt) {
        return new Problem(code, message, since, retryAt);
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public Instant since() {
        return since;
    }

    public Optional<Instant> retryAt() {
        return retryAt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Problem)) {
            return false;
        }
        Problem that = (Problem) o;
        return code.equals(that.code) && message.equals(that.message) && since.equals(that.since)
            && retryAt.equals(that.retryAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, since, retryAt);
    }

    @Override
    public String toString() {
        return "Problem{" + code + ": " + message + " since " + since + "}";
    }
}
