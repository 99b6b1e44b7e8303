package org.jamescollectors.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.apache.james.core.Username;
import org.jamescollectors.config.CollectorsConfiguration;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final RunFailure REFUSED =
        RunFailure.of(RunFailure.Code.AUTHENTICATION, "refused");
    private static final RunFailure TIMEOUT = RunFailure.of(RunFailure.Code.TIMEOUT, "no answer");

    private final FailurePolicy policy = FailurePolicy.of(configuration(), new Random(42));

    @Test
    void oneRefusedLoginShouldBackOffWithoutPausing() {
        Collector after = policy.afterFailure(collector(), REFUSED, NOW);

        assertThat(after.state()).isEqualTo(CollectorState.ACTIVE);
        assertThat(after.problem()).map(Problem::code).contains("authentication");
        assertThat(after.nextRunAt()).isAfter(NOW);
    }

    @Test
    void secondRefusedLoginInARowShouldPause() {
        Collector once = policy.afterFailure(collector(), REFUSED, NOW);

        Collector twice = policy.afterFailure(once, REFUSED, NOW.plusSeconds(600));

        assertThat(twice.state()).isEqualTo(CollectorState.PAUSED);
        assertThat(twice.problem().flatMap(Problem::retryAt)).isEmpty();
    }

    @Test
    void unreadableStoredPasswordShouldPauseAtOnceSayingWhatToDo() {
        RunFailure unreadable = RunFailure.of(RunFailure.Code.PASSWORD_UNREADABLE,
            "enter it again");

        Collector after = policy.afterFailure(collector(), unreadable, NOW);

        assertThat(after.state()).isEqualTo(CollectorState.PAUSED);
        assertThat(after.problem()).map(Problem::code).contains("password-unreadable");
        assertThat(after.problem()).map(Problem::message).contains("enter it again");
        assertThat(after.problem().flatMap(Problem::retryAt)).isEmpty();
    }

    @Test
    void transientFailuresShouldBackOffExponentiallyUpToTheCap() {
        assertThat(policy.backoff(1)).isBetween(Duration.ofSeconds(48), Duration.ofMinutes(1));
        assertThat(policy.backoff(2)).isBetween(Duration.ofSeconds(96), Duration.ofMinutes(2));
        assertThat(policy.backoff(30)).isBetween(Duration.ofMinutes(48), Duration.ofHours(1));
    }

    @Test
    void transientFailuresShouldNeverPauseBeforeTheyLastTooLong() {
        Collector collector = collector();
        for (int i = 0; i < 20; i++) {
            collector = policy.afterFailure(collector, TIMEOUT, NOW.plus(Duration.ofHours(i)));
        }

        assertThat(collector.state()).isEqualTo(CollectorState.ACTIVE);
        assertThat(collector.problem().map(Problem::since)).contains(NOW);
    }

    @Test
    void failuresLastingTooLongShouldPause() {
        Collector failing = policy.afterFailure(collector(), TIMEOUT, NOW);

        Collector after = policy.afterFailure(failing, TIMEOUT, NOW.plus(Duration.ofDays(3)));

        assertThat(after.state()).isEqualTo(CollectorState.PAUSED);
        assertThat(after.problem()).map(Problem::code).contains("failing-too-long");
    }

    @Test
    void successShouldClearTheProblemAndKeepThePhase() {
        Collector failing = policy.afterFailure(collector(), TIMEOUT, NOW);

        Collector after = policy.afterSuccess(failing, failing.nextRunAt());

        assertThat(after.problem()).isEmpty();
        assertThat(after.consecutiveFailures()).isZero();
        assertThat(after.nextRunAt()).isEqualTo(failing.nextRunAt().plus(Duration.ofHours(1)));
    }

    @Test
    void successLongOverdueShouldScheduleWithinOneInterval() {
        Collector overdue = collector().toBuilder()
            .nextRunAt(NOW.minus(Duration.ofDays(400))).build();

        Collector after = policy.afterSuccess(overdue, NOW);

        assertThat(after.nextRunAt()).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    private static Collector collector() {
        return Collector.builder()
            .id(CollectorId.random())
            .owner(Username.of("alice@example.test"))
            .name("Work")
            .account(RemoteAccount.pop3("pop.example.test", 995, Security.TLS, "alice"))
            .encryptedPassword("v1:x")
            .createdAt(NOW)
            .nextRunAt(NOW)
            .build();
    }

    private static CollectorsConfiguration configuration() {
        try {
            return CollectorsConfiguration.fromMap(Map.of("failures.backoffInitial", "1m",
                "failures.backoffMax", "1h"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
