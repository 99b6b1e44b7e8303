package org.jamescollectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.metrics.api.Gauge;
import org.apache.james.metrics.api.GaugeRegistry;
import org.jamescollectors.store.StoreSamples;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;

class CollectorGaugesTest {
    private static final Duration INTERVAL = Duration.ofHours(1);

    private final InMemoryStores stores = InMemoryStores.create();
    private final MapGaugeRegistry registry = new MapGaugeRegistry();
    private final MovableClock clock = new MovableClock(StoreSamples.NOW);

    @Test
    void registerShouldPublishCollectorsByStateAndOverdue() throws Exception {
        stores.collectors().create(StoreSamples.collector(StoreSamples.ALICE, "on time"));
        stores.collectors().create(StoreSamples.collector(StoreSamples.ALICE, "late").toBuilder()
            .nextRunAt(StoreSamples.NOW.minus(INTERVAL).minusSeconds(1)).build());
        stores.collectors().create(StoreSamples.collector(StoreSamples.BOB, "off").toBuilder()
            .enabled(false).build());
        stores.collectors().create(StoreSamples.collector(StoreSamples.BOB, "stopped").toBuilder()
            .paused(true).nextRunAt(StoreSamples.NOW.minus(INTERVAL.multipliedBy(5))).build());

        CollectorGauges.register(registry, stores.collectors(), INTERVAL, clock);

        assertThat(registry.read("collectors_state_active")).isEqualTo(2);
        assertThat(registry.read("collectors_state_disabled")).isEqualTo(1);
        assertThat(registry.read("collectors_state_paused")).isEqualTo(1);
        assertThat(registry.read("collectors_overdue")).isEqualTo(1);
    }

    @Test
    void gaugesShouldReadTheStoreAtMostOncePerRefreshPeriod() throws Exception {
        CollectorGauges.register(registry, stores.collectors(), INTERVAL, clock);
        assertThat(registry.read("collectors_state_active")).isEqualTo(0);
        stores.collectors().create(StoreSamples.collector(StoreSamples.ALICE, "new"));

        Object soon = registry.read("collectors_state_active");
        clock.advance(CollectorGauges.REFRESH);
        Object later = registry.read("collectors_state_active");

        assertThat(soon).isEqualTo(0);
        assertThat(later).isEqualTo(1);
    }

    /** Keeps registered gauges by name so that tests can read them. */
    private static final class MapGaugeRegistry implements GaugeRegistry {
        private final Map<String, Gauge<?>> gauges = new ConcurrentHashMap<>();

        @Override
        public <T> GaugeRegistry register(String name, Gauge<T> gauge) {
            gauges.put(name, gauge);
            return this;
        }

        @Override
        public <T> SettableGauge<T> settableGauge(String name) {
            throw new UnsupportedOperationException("not used by the collectors");
        }

        Object read(String name) {
            return gauges.get(name).get();
        }
    }

    /** A clock tests move by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
