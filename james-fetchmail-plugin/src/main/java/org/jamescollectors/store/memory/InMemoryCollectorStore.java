package org.jamescollectors.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.StoreLimits;

final class InMemoryCollectorStore implements CollectorStore {
    private static final Comparator<Collector> OLDEST_FIRST =
        Comparator.comparing(Collector::createdAt).thenComparing(InMemoryCollectorStore::idText);
    private static final Comparator<Collector> EARLIEST_DUE =
        Comparator.comparing(Collector::nextRunAt).thenComparing(InMemoryCollectorStore::idText);

    private final Map<CollectorId, Collector> collectors = new HashMap<>();
    private final Map<CollectorId, Lease> leases = new HashMap<>();
    private final InMemoryFetchStateStore fetchStates;
    private final InMemoryRunStore runs;

    InMemoryCollectorStore(InMemoryFetchStateStore fetchStates, InMemoryRunStore runs) {
        this.fetchStates = fetchStates;
        this.runs = runs;
    }

    @Override
    public synchronized Collector create(Collector collector) throws DuplicateCollectorException {
        Collector stored = StoreLimits.fit(collector).toBuilder().version(1).build();
        if (collectors.containsKey(stored.id())) {
            throw new IllegalArgumentException("a collector with this id exists: " + stored.id());
        }
        requireFreeName(stored);
        collectors.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Collector> find(CollectorId id) {
        return Optional.ofNullable(collectors.get(id));
    }

    @Override
    public synchronized List<Collector> listByOwner(Username owner) {
        return select(collector -> collector.owner().equals(owner), OLDEST_FIRST);
    }

    @Override
    public synchronized int countByOwner(Username owner) {
        return listByOwner(owner).size();
    }

    @Override
    public synchronized Collector update(Collector collector)
        throws StaleCollectorException, DuplicateCollectorException {
        Collector fitted = StoreLimits.fit(collector);
        Collector current = collectors.get(fitted.id());
        if (current == null || current.version() != fitted.version()) {
            throw new StaleCollectorException("collector " + fitted.id() + " at version "
                + fitted.version() + " was changed or deleted meanwhile");
        }
        requireFreeName(fitted);
        Collector stored = fitted.toBuilder().version(fitted.version() + 1).build();
        collectors.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized boolean delete(CollectorId id) {
        leases.remove(id);
        fetchStates.deleteAll(id);
        runs.deleteAll(id);
        return collectors.remove(id) != null;
    }

    @Override
    public synchronized List<CollectorId> deleteByOwner(Username owner) {
        List<CollectorId> ids = listByOwner(owner).stream()
            .map(Collector::id)
            .collect(Collectors.toList());
        ids.forEach(this::delete);
        return ids;
    }

    @Override
    public synchronized int renameOwner(Username from, Username to)
        throws DuplicateCollectorException {
        StoreLimits.key("owner", to.asString(), StoreLimits.OWNER);
        List<Collector> moving = listByOwner(from);
        for (Collector collector : moving) {
            requireFreeName(collector.toBuilder().owner(to).build());
        }
        moving.forEach(collector -> collectors.put(collector.id(), collector.toBuilder()
            .owner(to).version(collector.version() + 1).build()));
        return moving.size();
    }

    @Override
    public synchronized List<Collector> findDue(Instant now, int limit) {
        return select(collector -> isActive(collector) && !collector.nextRunAt().isAfter(now)
            && isFree(collector.id(), now), EARLIEST_DUE)
            .stream().limit(limit).collect(Collectors.toList());
    }

    @Override
    public synchronized Optional<Instant> earliestNextRun() {
        return collectors.values().stream()
            .filter(InMemoryCollectorStore::isActive)
            .map(Collector::nextRunAt)
            .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized boolean claim(CollectorId id, String nodeId, Instant now,
                                      Instant leaseUntil) {
        StoreLimits.key("node id", nodeId, StoreLimits.NODE_ID);
        if (!collectors.containsKey(id) || !isFree(id, now)) {
            return false;
        }
        leases.put(id, new Lease(nodeId, StoreLimits.millis(leaseUntil)));
        return true;
    }

    @Override
    public synchronized boolean renew(CollectorId id, String nodeId, Instant leaseUntil) {
        StoreLimits.key("node id", nodeId, StoreLimits.NODE_ID);
        Lease lease = leases.get(id);
        if (lease == null || !lease.owner.equals(nodeId)) {
            return false;
        }
        leases.put(id, new Lease(nodeId, StoreLimits.millis(leaseUntil)));
        return true;
    }

    @Override
    public synchronized void release(CollectorId id, String nodeId) {
        StoreLimits.key("node id", nodeId, StoreLimits.NODE_ID);
        Lease lease = leases.get(id);
        if (lease != null && lease.owner.equals(nodeId)) {
            leases.remove(id);
        }
    }

    @Override
    public synchronized Map<CollectorState, Integer> countByState() {
        Map<CollectorState, Integer> counts = new EnumMap<>(CollectorState.class);
        for (CollectorState state : CollectorState.values()) {
            counts.put(state, 0);
        }
        collectors.values().forEach(collector -> counts.merge(collector.state(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized List<Collector> page(Optional<CollectorId> after, int size) {
        Optional<String> start = after.map(CollectorId::asString);
        return select(collector -> start.map(s -> idText(collector).compareTo(s) > 0).orElse(true),
            Comparator.comparing(InMemoryCollectorStore::idText))
            .stream().limit(size).collect(Collectors.toList());
    }

    private void requireFreeName(Collector collector) throws DuplicateCollectorException {
        boolean taken = collectors.values().stream()
            .anyMatch(other -> !other.id().equals(collector.id())
                && other.owner().equals(collector.owner())
                && other.name().equals(collector.name()));
        if (taken) {
            throw new DuplicateCollectorException(collector.owner().asString()
                + " already has a collector named " + collector.name());
        }
    }

    private boolean isFree(CollectorId id, Instant now) {
        Lease lease = leases.get(id);
        return lease == null || !lease.until.isAfter(now);
    }

    private List<Collector> select(Predicate<Collector> filter, Comparator<Collector> order) {
        List<Collector> selected = new ArrayList<>();
        collectors.values().stream().filter(filter).sorted(order).forEach(selected::add);
        return selected;
    }

    private static boolean isActive(Collector collector) {
        return collector.state() == CollectorState.ACTIVE;
    }

    private static String idText(Collector collector) {
        return collector.id().asString();
    }

    private static final class Lease {
        private final String owner;
        private final Instant until;

        private Lease(String owner, Instant until) {
            this.owner = owner;
            this.until = until;
        }
    }
}
