package org.jamescollectors.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.jamescollectors.config.CollectorsConfiguration;

/**
 * Decides where a collector stands after a run: back to its schedule, backing off after a
 * transient failure (exponential, capped, with jitter), or paused when only its owner can help.
 * A refused login pauses after a configured number of refusals in a row; any other failure pauses
 * only once the collector has been failing for the configured time, except an unknown owner: that
 * collector waits (the memory flavour forgets its users on restart) until its owner is back or the
 * operator's grace period deletes it.
 */
public final class FailurePolicy {
    private final Duration interval;
    private final int pauseAfterAuthenticationFailures;
    private final Duration pauseAfterFailingFor;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Random random;

    private FailurePolicy(CollectorsConfiguration configuration, Random random) {
        this.interval = configuration.interval();
        this.pauseAfterAuthenticationFailures = configuration.pauseAfterAuthenticationFailures();
        this.pauseAfterFailingFor = configuration.pauseAfterFailingFor();
        this.backoffInitial = configuration.backoffInitial();
        this.backoffMax = configuration.backoffMax();
        this.random = random;
    }

    public static FailurePolicy of(CollectorsConfiguration configuration) {
        return new FailurePolicy(configuration, new Random());
    }

    static FailurePolicy of(CollectorsConfiguration configuration, Random random) {
        return new FailurePolicy(configuration, random);
    }

    /** The collector after a run that worked: no problem, next run one interval after this one. */
    public Collector afterSuccess(Collector collector, Instant startedAt) {
        return collector.toBuilder()
            .problem(Optional.empty())
            .consecutiveFailures(0)
            .nextRunAt(nextScheduledRun(collector, startedAt))
            .build();
    }

    /** The collector after a run that failed at {@code now}. */
    public Collector afterFailure(Collector collector, RunFailure failure, Instant now) {
        boolean sameProblem = collector.problem()
            .map(problem -> problem.code().equals(failure.code().wireName()))
            .orElse(false);
        int streak = sameProblem ? collector.consecutiveFailures() + 1 : 1;
        Instant since = collector.problem().map(Problem::since).orElse(now);
        if (shouldPause(failure, streak, since, now)) {
            return pause(collector, failure, streak, since, now);
        }
        Instant retryAt = now.plus(backoff(streak));
        return collector.toBuilder()
            .problem(Optional.of(Problem.of(failure.code().wireName(), failure.message(), since,
                Optional.of(retryAt))))
            .consecutiveFailures(streak)
            .nextRunAt(retryAt)
            .build();
    }

    private boolean shouldPause(RunFailure failure, int streak, Instant since, Instant now) {
        if (failure.code() == RunFailure.Code.AUTHENTICATION) {
            return streak >= pauseAfterAuthenticationFailures;
        }
        if (failure.code() == RunFailure.Code.OWNER_UNKNOWN) {
            return false;
        }
        return failure.code().needsUser()
            || Duration.between(since, now).compareTo(pauseAfterFailingFor) >= 0;
    }

    private Collector pause(Collector collector, RunFailure failure, int streak, Instant since,
                            Instant now) {
        boolean userMustAct = failure.code() == RunFailure.Code.AUTHENTICATION
            || failure.code().needsUser();
        RunFailure reason = userMustAct
            ? failure
            : RunFailure.of(RunFailure.Code.FAILING_TOO_LONG, "collection has been failing since "
                + since + ": " + failure.message());
        return collector.toBuilder()
            .paused(true)
            .problem(Optional.of(Problem.of(reason.code().wireName(), reason.message(), since,
                Optional.empty())))
            .consecutiveFailures(streak)
            .nextRunAt(now.plus(interval))
            .build();
    }

    /** initial × 2^(streak-1), capped, then up to 20% taken off at random so retries spread. */
    Duration backoff(int streak) {
        Duration delay = backoffInitial;
        for (int i = 1; i < streak && delay.compareTo(backoffMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(backoffMax) > 0) {
            delay = backoffMax;
        }
        long jitter = (long) (delay.toMillis() * 0.2 * random.nextDouble());
        return delay.minusMillis(jitter);
    }

    /**
     * One interval after the run that just started, keeping each collector's own phase so that
     * collectors stay spread over the interval instead of bunching up.
     */
    private Instant nextScheduledRun(Collector collector, Instant startedAt) {
        Instant due = collector.nextRunAt();
        if (due.isAfter(startedAt)) {
            return due;
        }
        long intervalsPassed = Duration.between(due, startedAt).toMillis() / interval.toMillis();
        return due.plus(interval.multipliedBy(intervalsPassed + 1));
    }
}
