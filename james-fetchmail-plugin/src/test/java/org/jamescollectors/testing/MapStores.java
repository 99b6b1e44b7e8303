package org.jamescollectors.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;

/** A map-backed {@link Stores} for tests: every method synchronized on the instance. */
public final class MapStores implements Stores {
    private final Map<CollectorId, Collector> collectors = new LinkedHashMap<>();
    private final Map<CollectorId, String> leases = new HashMap<>();
    private final Map<CollectorId, Map<RunId, Run>> runs = new HashMap<>();
    private final Map<CollectorId, Map<String, FetchStateStore.Status>> states = new HashMap<>();
    private final Map<String, String> metadata = new HashMap<>();
    private final CollectorMap collectorStore = new CollectorMap();
    private final Runs runStore = new Runs();
    private final States stateStore = new States();
    private final Metadata metadataStore = new Metadata();

    @Override
    public CollectorStore collectors() {
        return collectorStore;
    }

    @Override
    public FetchStateStore fetchStates() {
        return stateStore;
    }

    @Override
    public RunStore runs() {
        return runStore;
    }

    @Override
    public StoreMetadata metadata() {
        return metadataStore;
    }

    @Override
    public void ping() {
    }

    @Override
    public String describe() {
        return "maps in memory";
    }

    @Override
    public void close() {
    }

    private final class CollectorMap implements CollectorStore {
        @Override
        public Collector create(Collector collector) throws DuplicateCollectorException {
            synchronized (MapStores.this) {
                checkName(collector);
                Collector stored = collector.toBuilder().version(1).build();
                collectors.put(stored.id(), stored);
                return stored;
            }
        }

        private void checkName(Collector collector) throws DuplicateCollectorException {
            boolean taken = collectors.values().stream()
                .anyMatch(other -> !other.id().equals(collector.id())
                    && other.owner().equals(collector.owner())
                    && other.name().equals(collector.name()));
            if (taken) {
                throw new DuplicateCollectorException("name taken: " + collector.name());
            }
        }

        @Override
        public Optional<Collector> find(CollectorId id) {
            synchronized (MapStores.this) {
                return Optional.ofNullable(collectors.get(id));
            }
        }

        @Override
        public List<Collector> listByOwner(Username owner) {
            synchronized (MapStores.this) {
                return collectors.values().stream().filter(c -> c.owner().equals(owner))
                    .collect(Collectors.toList());
            }
        }

        @Override
        public int countByOwner(Username owner) {
            return listByOwner(owner).size();
        }

        @Override
        public Collector update(Collector collector)
            throws StaleCollectorException, DuplicateCollectorException {
            synchronized (MapStores.this) {
                Collector stored = collectors.get(collector.id());
                if (stored == null || stored.version() != collector.version()) {
                    throw new StaleCollectorException("changed: " + collector.id());
                }
                checkName(collector);
                Collector next = collector.toBuilder().version(collector.version() + 1).build();
                collectors.put(next.id(), next);
                return next;
            }
        }

        @Override
        public boolean delete(CollectorId id) {
            synchronized (MapStores.this) {
                runs.remove(id);
                states.remove(id);
                leases.remove(id);
                return collectors.remove(id) != null;
            }
        }

        @Override
        public List<CollectorId> deleteByOwner(Username owner) {
            synchronized (MapStores.this) {
                List<CollectorId> ids = listByOwner(owner).stream().map(Collector::id)
                    .collect(Collectors.toList());
                ids.forEach(this::delete);
                return ids;
            }
        }

        @Override
        public int renameOwner(Username from, Username to) throws DuplicateCollectorException {
            synchronized (MapStores.this) {
                List<Collector> moving = listByOwner(from);
                for (Collector collector : moving) {
                    checkName(collector.toBuilder().owner(to).build());
                }
                moving.forEach(c -> collectors.put(c.id(), c.toBuilder().owner(to)
                    .version(c.version() + 1).build()));
                return moving.size();
            }
        }

        @Override
        public List<Collector> findDue(Instant now, int limit) {
            synchronized (MapStores.this) {
                return collectors.values().stream()
                    .filter(c -> c.state() == CollectorState.ACTIVE && !c.nextRunAt().isAfter(now)
                        && !leases.containsKey(c.id()))
                    .sorted(Comparator.comparing(Collector::nextRunAt))
                    .limit(limit)
                    .collect(Collectors.toList());
            }
        }

        @Override
        public Optional<Instant> earliestNextRun() {
            synchronized (MapStores.this) {
                return collectors.values().stream()
                    .filter(c -> c.state() == CollectorState.ACTIVE)
                    .map(Collector::nextRunAt).min(Comparator.naturalOrder());
            }
        }

        @Override
        public boolean claim(CollectorId id, String nodeId, Instant now, Instant leaseUntil) {
            synchronized (MapStores.this) {
                return leases.putIfAbsent(id, nodeId) == null;
            }
        }

        @Override
        public boolean renew(CollectorId id, String nodeId, Instant leaseUntil) {
            synchronized (MapStores.this) {
                return nodeId.equals(leases.get(id));
            }
        }

        @Override
        public void release(CollectorId id, String nodeId) {
            synchronized (MapStores.this) {
                leases.remove(id, nodeId);
            }
        }

        @Override
        public Map<CollectorState, Integer> countByState() {
            synchronized (MapStores.this) {
                Map<CollectorState, Integer> counts = new EnumMap<>(CollectorState.class);
                collectors.values().forEach(c -> counts.merge(c.state(), 1, Integer::sum));
                return counts;
            }
        }

        @Override
        public List<Collector> page(Optional<CollectorId> after, int size) {
            synchronized (MapStores.this) {
                return collectors.values().stream()
                    .sorted(Comparator.comparing(Collector::id, Comparator.comparing(
                        CollectorId::asString)))
                    .filter(c -> after.map(a -> c.id().asString().compareTo(a.asString()) > 0)
                        .orElse(true))
                    .limit(size)
                    .collect(Collectors.toList());
            }
        }
    }

    private final class Runs implements RunStore {
        @Override
        public void save(Run run) {
            synchronized (MapStores.this) {
                runs.computeIfAbsent(run.collectorId(), id -> new LinkedHashMap<>())
                    .put(run.id(), run);
            }
        }

        @Override
        public Optional<Run> find(CollectorId collector, RunId id) {
            synchronized (MapStores.this) {
                return Optional.ofNullable(runs.getOrDefault(collector, Map.of()).get(id));
            }
        }

        @Override
        public List<Run> recent(CollectorId collector, int limit) {
            synchronized (MapStores.this) {
                List<Run> all = new ArrayList<>(runs.getOrDefault(collector, Map.of()).values());
                all.sort(Comparator.comparing(Run::startedAt).reversed());
                return all.stream().limit(limit).collect(Collectors.toList());
            }
        }

        @Override
        public int trim(CollectorId collector, int keep) {
            synchronized (MapStores.this) {
                List<Run> all = recent(collector, Integer.MAX_VALUE);
                List<Run> dropped = all.subList(Math.min(keep, all.size()), all.size());
                dropped.forEach(run -> runs.get(collector).remove(run.id()));
                return dropped.size();
            }
        }

        @Override
        public RunTotals totals() {
            synchronized (MapStores.this) {
                List<Run> all = runs.values().stream().flatMap(m -> m.values().stream())
                    .collect(Collectors.toList());
                Map<String, Long> failures = new HashMap<>();
                all.forEach(run -> run.error().ifPresent(e -> failures.merge(e.code(), 1L,
                    Long::sum)));
                return new RunTotals(all.size(), all.stream().mapToLong(Run::messages).sum(),
                    all.stream().mapToLong(Run::bytes).sum(), failures);
            }
        }
    }

    private final class States implements FetchStateStore {
        @Override
        public Map<String, Status> statuses(CollectorId collector) {
            synchronized (MapStores.this) {
                return Map.copyOf(states.getOrDefault(collector, Map.of()));
            }
        }

        @Override
        public void record(CollectorId collector, String messageKey, Status status, Instant at) {
            synchronized (MapStores.this) {
                states.computeIfAbsent(collector, id -> new HashMap<>()).put(messageKey, status);
            }
        }

        @Override
        public void forget(CollectorId collector, String messageKey) {
            synchronized (MapStores.this) {
                states.getOrDefault(collector, new HashMap<>()).remove(messageKey);
            }
        }

        @Override
        public int retainOnly(CollectorId collector, Set<String> stillRemote) {
            synchronized (MapStores.this) {
                Map<String, Status> map = states.getOrDefault(collector, new HashMap<>());
                int before = map.size();
                map.keySet().retainAll(stillRemote);
                return before - map.size();
            }
        }

        @Override
        public void deleteAll(CollectorId collector) {
            synchronized (MapStores.this) {
                states.remove(collector);
            }
        }
    }

    private final class Metadata implements StoreMetadata {
        @Override
        public Optional<String> get(String name) {
            synchronized (MapStores.this) {
                return Optional.ofNullable(metadata.get(name));
            }
        }

        @Override
        public String putIfAbsent(String name, String value) {
            synchronized (MapStores.this) {
                return metadata.computeIfAbsent(name, n -> value);
            }
        }

        @Override
        public void put(String name, String value) {
            synchronized (MapStores.this) {
                metadata.put(name, value);
            }
        }
    }
}
