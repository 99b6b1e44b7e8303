package org.jamescollectors.manage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.RunFailure;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles collectors with James' users, since James 3.8.1 tells extensions of no deletion or
 * rename: a collector whose owner is gone is paused with problem {@code owner-unknown}, deleted
 * once the grace period has passed, and resumed if its owner comes back meanwhile. {@link #start}
 * runs a pass every hour on a thread of its own; {@link #sweep} runs one now.
 */
@Singleton
public final class OwnerSweep {
    private static final Logger LOGGER = LoggerFactory.getLogger(OwnerSweep.class);
    private static final int PAGE = 500;
    private static final Duration EVERY = Duration.ofHours(1);
    static final String OWNER_UNKNOWN = RunFailure.Code.OWNER_UNKNOWN.wireName();

    private final Stores stores;
    private final UsersRepository users;
    private final Duration grace;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Inject
    public OwnerSweep(Stores stores, UsersRepository users, CollectorsConfiguration configuration,
                      Clock clock) {
        this.stores = stores;
        this.users = users;
        this.grace = configuration.unknownOwnerGracePeriod();
        this.clock = clock;
    }

    /** Sweeps every hour from now on, until {@link #stop}. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "collector-owner-sweep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepSafely, EVERY.toMinutes(), EVERY.toMinutes(),
            TimeUnit.MINUTES);
    }

    @PreDestroy
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOGGER.error("Owner sweep failed: {}", e.toString(), e);
        }
    }

    /** One pass over every collector; returns what it did. */
    public Outcome sweep() {
        Outcome outcome = new Outcome();
        Map<Username, Boolean> known = new HashMap<>();
        Optional<CollectorId> after = Optional.empty();
        List<Collector> page;
        do {
            page = stores.collectors().page(after, PAGE);
            for (Collector collector : page) {
                exists(known, collector.owner()).ifPresent(exists ->
                    reconcile(collector, exists, outcome));
            }
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == PAGE);
        LOGGER.info("Owner sweep done: suspended={} purged={} restored={}", outcome.suspended,
            outcome.purged, outcome.restored);
        return outcome;
    }

    private Optional<Boolean> exists(Map<Username, Boolean> known, Username owner) {
        Boolean cached = known.get(owner);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            boolean exists = users.contains(owner);
            known.put(owner, exists);
            return Optional.of(exists);
        } catch (UsersRepositoryException e) {
            LOGGER.warn("Cannot tell whether a collector owner exists; skipping: {}", e.toString());
            return Optional.empty();
        }
    }

    private void reconcile(Collector collector, boolean ownerExists, Outcome outcome) {
        boolean marked = collector.problem().map(Problem::code).filter(OWNER_UNKNOWN::equals)
            .isPresent();
        Instant now = clock.instant();
        if (ownerExists && marked) {
            save(collector.toBuilder().paused(false).problem(Optional.empty())
                .consecutiveFailures(0).nextRunAt(now).build());
            outcome.restored++;
        } else if (!ownerExists && !marked) {
            save(collector.toBuilder().paused(true).problem(Optional.of(Problem.of(OWNER_UNKNOWN,
                "the owner of this collector is no longer a user of this server", now,
                Optional.empty()))).build());
            outcome.suspended++;
        } else if (!ownerExists && !collector.problem().get().since().plus(grace).isAfter(now)) {
            stores.collectors().delete(collector.id());
            outcome.purged++;
        }
    }

    private void save(Collector collector) {
        try {
            stores.collectors().update(collector);
        } catch (StaleCollectorException e) {
            LOGGER.debug("Collector {} changed during the owner sweep; next sweep sees it",
                collector.id());
        } catch (DuplicateCollectorException e) {
            throw new IllegalStateException("the owner sweep never renames a collector", e);
        }
    }

    /** Counts of one sweep. */
    public static final class Outcome {
        private int suspended;
        private int purged;
        private int restored;

        public int suspended() {
            return suspended;
        }

        public int purged() {
            return purged;
        }

        public int restored() {
            return restored;
        }
    }
}
