package org.jamescollectors.security.rotation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;

/**
 * Real stores with a hook run before each collector update and each page read, and optionally a
 * crash right after a metadata value is written, so that tests can cut a rotation off or change
 * a collector under its feet at a chosen point.
 */
final class InterceptedStores implements Stores {
    /** Runs before the intercepted call; may throw or interrupt the calling thread. */
    @FunctionalInterface
    interface Hook {
        void before(Collector collector) throws StaleCollectorException;
    }

    private final Stores stores;
    private final InterceptedCollectors collectors;
    private final boolean crashAfterMetadataPut;

    private InterceptedStores(Stores stores, Hook beforeUpdate, Runnable beforePage,
                              boolean crashAfterMetadataPut) {
        this.stores = stores;
        this.collectors = new InterceptedCollectors(stores.collectors(), beforeUpdate, beforePage);
        this.crashAfterMetadataPut = crashAfterMetadataPut;
    }

    static InterceptedStores beforeUpdate(Stores stores, Hook hook) {
        return new InterceptedStores(stores, hook, () -> { }, false);
    }

    static InterceptedStores beforePage(Stores stores, Runnable hook) {
        return new InterceptedStores(stores, collector -> { }, hook, false);
    }

    /** Stores whose metadata writes are stored, then followed by a crash of the caller. */
    static InterceptedStores crashingAfterMetadataPut(Stores stores) {
        return new InterceptedStores(stores, collector -> { }, () -> { }, true);
    }

    @Override
    public CollectorStore collectors() {
        return collectors;
    }

    @Override
    public FetchStateStore fetchStates() {
        return stores.fetchStates();
    }

    @Override
    public RunStore runs() {
        return stores.runs();
    }

    @Override
    public StoreMetadata metadata() {
        if (!crashAfterMetadataPut) {
            return stores.metadata();
        }
        StoreMetadata metadata = stores.metadata();
        return new StoreMetadata() {
            @Override
            public Optional<String> get(String name) {
                return metadata.get(name);
            }

            @Override
            public String putIfAbsent(String name, String value) {
                return metadata.putIfAbsent(name, value);
            }

            @Override
            public void put(String name, String value) {
                metadata.put(name, value);
                throw new IllegalStateException("the node died right after writing " + name);
            }
        };
    }

    @Override
    public void ping() throws Exception {
        stores.ping();
    }

    @Override
    public String describe() {
        return stores.describe();
    }

    @Override
    public void close() {
        stores.close();
    }

    private static final class InterceptedCollectors implements CollectorStore {
        private final CollectorStore store;
        private final Hook beforeUpdate;
        private final Runnable beforePage;

        InterceptedCollectors(CollectorStore store, Hook beforeUpdate, Runnable beforePage) {
            this.store = store;
            this.beforeUpdate = beforeUpdate;
            this.beforePage = beforePage;
        }

        @Override
        public Collector update(Collector collector)
            throws StaleCollectorException, DuplicateCollectorException {
            beforeUpdate.before(collector);
            return store.update(collector);
        }

        @Override
        public List<Collector> page(Optional<CollectorId> after, int size) {
            beforePage.run();
            return store.page(after, size);
        }

        @Override
        public Collector create(Collector collector) throws DuplicateCollectorException {
            return store.create(collector);
        }

        @Override
        public Optional<Collector> find(CollectorId id) {
            return store.find(id);
        }

        @Override
        public List<Collector> listByOwner(Username owner) {
            return store.listByOwner(owner);
        }

        @Override
        public int countByOwner(Username owner) {
            return store.countByOwner(owner);
        }

        @Override
        public boolean delete(CollectorId id) {
            return store.delete(id);
        }

        @Override
        public List<CollectorId> deleteByOwner(Username owner) {
            return store.deleteByOwner(owner);
        }

        @Override
        public int renameOwner(Username from, Username to) throws DuplicateCollectorException {
            return store.renameOwner(from, to);
        }

        @Override
        public List<Collector> findDue(Instant now, int limit) {
            return store.findDue(now, limit);
        }

        @Override
        public Optional<Instant> earliestNextRun() {
            return store.earliestNextRun();
        }

        @Override
        public boolean claim(CollectorId id, String nodeId, Instant now, Instant leaseUntil) {
            return store.claim(id, nodeId, now, leaseUntil);
        }

        @Override
        public boolean renew(CollectorId id, String nodeId, Instant leaseUntil) {
            return store.renew(id, nodeId, leaseUntil);
        }

        @Override
        public void release(CollectorId id, String nodeId) {
            store.release(id, nodeId);
        }

        @Override
        public Map<CollectorState, Integer> countByState() {
            return store.countByState();
        }
    }
}
