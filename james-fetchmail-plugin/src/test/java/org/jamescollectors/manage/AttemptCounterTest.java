package org.jamescollectors.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AttemptCounterTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aKeyShouldBeBlockedAtTheLimitUntilItsWindowEnds() {
        AttemptCounter counter = AttemptCounter.of(2, Duration.ofMinutes(10), clock);
        counter.record("bob");
        now.set(Instant.EPOCH.plusSeconds(60));
        counter.record("bob");

        assertThat(counter.blockedFor("bob")).contains(Duration.ofMinutes(9));
        assertThat(counter.blockedFor("alice")).isEmpty();
        now.set(Instant.EPOCH.plus(Duration.ofMinutes(10)));
        assertThat(counter.blockedFor("bob")).isEmpty();
        assertThat(counter.record("bob")).isEqualTo(1);
    }

    @Test
    void tryAcquireShouldCountOnlyWhatItLetsThrough() {
        AttemptCounter counter = AttemptCounter.of(1, Duration.ofMinutes(1), clock);

        assertThat(counter.tryAcquire("bob")).isEmpty();
        assertThat(counter.tryAcquire("bob")).contains(Duration.ofMinutes(1));
        assertThat(counter.tryAcquire("bob")).contains(Duration.ofMinutes(1));
    }

    @Test
    void resetShouldForgetTheFailures() {
        AttemptCounter counter = AttemptCounter.of(1, Duration.ofMinutes(1), clock);
        counter.record("bob");

        counter.reset("bob");

        assertThat(counter.blockedFor("bob")).isEmpty();
    }

    @Test
    void memoryShouldStayBoundedWhenKeysFlood() {
        AttemptCounter counter = AttemptCounter.of(1, Duration.ofMinutes(1), clock, 100);

        for (int i = 0; i < 10_000; i++) {
            counter.record("key" + i);
        }

        long tracked = IntStream.range(0, 10_000)
            .filter(i -> counter.blockedFor("key" + i).isPresent()).count();
        assertThat(tracked).isLessThanOrEqualTo(100).isPositive();
    }
}
