package org.jamescollectors.manage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators do: read totals, pause and resume all collection, and follow a user's deletion
 * or rename, which James 3.8.1 does not announce to extensions. Never shows a user's collectors.
 */
@Singleton
public final class CollectorAdministration {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorAdministration.class);
    private static final int PAGE = 500;

    private final Stores stores;
    private final CollectionScheduler scheduler;

    @Inject
    public CollectorAdministration(Stores stores, CollectionScheduler scheduler) {
        this.stores = stores;
        this.scheduler = scheduler;
    }

    public CollectorStatistics statistics() {
        return CollectorStatistics.of(stores.collectors().countByState(), problems(),
            stores.runs().totals(), scheduler.isSuspended());
    }

    private Map<String, Integer> problems() {
        Map<String, Integer> counts = new HashMap<>();
        Optional<CollectorId> after = Optional.empty();
        List<Collector> page;
        do {
            page = stores.collectors().page(after, PAGE);
            page.forEach(collector -> collector.problem().map(Problem::code)
                .ifPresent(code -> counts.merge(code, 1, Integer::sum)));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == PAGE);
        return counts;
    }

    /** Stops starting runs on this node until {@link #resume()}; runs under way finish. */
    public void pause() {
        scheduler.suspend();
    }

    public void resume() {
        scheduler.resume();
    }

    public boolean paused() {
        return scheduler.isSuspended();
    }

    /** Deletes every collector of the user, with fetch state and runs; returns how many. */
    public int removeOwner(Username owner) {
        int removed = stores.collectors().deleteByOwner(owner).size();
        LOGGER.info("Collectors of a removed user deleted by an operator: count={}", removed);
        return removed;
    }

    /**
     * Gives every collector of {@code from} to {@code to}; returns how many moved.
     *
     * @throws CollectorConflictException when {@code to} already has a collector of the same name
     */
    public int renameOwner(Username from, Username to) throws CollectorConflictException {
        try {
            int moved = stores.collectors().renameOwner(from, to);
            LOGGER.info("Collectors of a renamed user moved by an operator: count={}", moved);
            return moved;
        } catch (DuplicateCollectorException e) {
            throw new CollectorConflictException("name-taken", "the new user already has a"
                + " collector named like one being moved; rename or delete one of them first");
        }
    }
}
