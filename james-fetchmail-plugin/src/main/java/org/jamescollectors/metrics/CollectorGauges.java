package org.jamescollectors.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.apache.james.metrics.api.GaugeRegistry;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.store.CollectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the whole store, shared by every node: {@code collectors_state_active},
 * {@code collectors_state_disabled}, {@code collectors_state_paused} and
 * {@code collectors_overdue} (active collectors whose run is due since more than one interval,
 * counted up to {@value #OVERDUE_COUNT_LIMIT}). Reading a gauge costs nothing: the values are
 * computed from the store at most once per {@link #REFRESH} when read, and the last values are kept
 * when the store does not answer. Thread-safe.
 */
public final class CollectorGauges {
    public static final String STATE = CollectorMetrics.PREFIX + "state_";
    public static final String OVERDUE = CollectorMetrics.PREFIX + "overdue";
    static final Duration REFRESH = Duration.ofSeconds(30);
    static final int OVERDUE_COUNT_LIMIT = 10_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorGauges.class);

    private final CollectorStore collectors;
    private final Duration overdueAfter;
    private final Clock clock;
    private Map<CollectorState, Integer> byState = new EnumMap<>(CollectorState.class);
    private int overdue;
    private Instant refreshedAt = Instant.MIN;

    private CollectorGauges(CollectorStore collectors, Duration overdueAfter, Clock clock) {
        this.collectors = Objects.requireNonNull(collectors, "collectors");
        this.overdueAfter = Objects.requireNonNull(overdueAfter, "overdueAfter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the gauges and registers them once with James' registry. */
    public static CollectorGauges register(GaugeRegistry registry, CollectorStore collectors,
                                           Duration overdueAfter, Clock clock) {
        CollectorGauges gauges = new CollectorGauges(collectors, overdueAfter, clock);
        for (CollectorState state : CollectorState.values()) {
            registry.register(STATE + state.wireName(), () -> gauges.inState(state));
        }
        registry.register(OVERDUE, gauges::overdue);
        return gauges;
    }

    public synchronized int inState(CollectorState state) {
        refreshIfOld();
        return byState.getOrDefault(state, 0);
    }

    public synchronized int overdue() {
        refreshIfOld();
        return overdue;
    }

    private void refreshIfOld() {
        Instant now = clock.instant();
        if (now.isBefore(refreshedAt.plus(REFRESH))) {
            return;
        }
        refreshedAt = now;
        try {
            Map<CollectorState, Integer> counted = new EnumMap<>(CollectorState.class);
            counted.putAll(collectors.countByState());
            byState = counted;
            overdue = collectors.findDue(now.minus(overdueAfter), OVERDUE_COUNT_LIMIT).size();
        } catch (RuntimeException e) {
            LOGGER.warn("Cannot refresh the collector gauges, keeping the last values: {}",
                e.toString());
        }
    }
}
