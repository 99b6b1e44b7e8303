package org.jamescollectors.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jamescollectors.config.CollectorsConfiguration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private static final ClientAddress CLIENT = ClientAddress.of("198.51.100.1", List.of(),
        Optional.empty(), List.of());

    @Test
    void failedAnswersShouldBeHeldFromTheThirdFailureOfALogin() throws Exception {
        SignInThrottle throttle = SignInThrottle.of(CollectorsConfiguration.fromMap(Map.of(
            "api.auth.failureDelay", "300ms")).api(), Clock.systemUTC());
        Optional<String> login = Optional.of("bob@james.example");

        long first = timed(() -> throttle.failed(login, CLIENT));
        timed(() -> throttle.failed(login, CLIENT));
        long third = timed(() -> throttle.failed(login, CLIENT));

        assertThat(first).isLessThan(300);
        assertThat(third).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aSuccessShouldClearTheLoginsFailures() throws Exception {
        SignInThrottle throttle = SignInThrottle.of(CollectorsConfiguration.fromMap(Map.of(
            "api.auth.failureDelay", "0ms", "api.auth.maxFailuresPerLogin", "2")).api(),
            Clock.systemUTC());
        Optional<String> login = Optional.of("Bob@James.Example");
        throttle.failed(login, CLIENT);
        throttle.failed(login, CLIENT);
        boolean blockedBefore = throttle.blocked(Optional.of("bob@james.example"), CLIENT)
            .isPresent();

        throttle.succeeded("bob@james.example");

        assertThat(blockedBefore).isTrue();
        assertThat(throttle.blocked(login, CLIENT)).isEmpty();
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
