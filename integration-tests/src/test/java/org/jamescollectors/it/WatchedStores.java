package org.jamescollectors.it;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.FetchStateStore.Status;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;

/** The real stores, with a watcher told of every fetch-state write right after it is made. */
final class WatchedStores implements Stores {
    /** Told of each write of the fetch state; may throw to cut the run off there. */
    interface Watcher {
        void written(CollectorId collector, Map<String, Status> statuses);
    }

    private final Stores delegate;
    private final FetchStateStore fetchStates;

    WatchedStores(Stores delegate, Watcher watcher) {
        this.delegate = delegate;
        this.fetchStates = new WatchedFetchStates(delegate.fetchStates(), watcher);
    }

    /** Crashes right after the n-th write that marks a message collected (alone or not). */
    static WatchedStores crashingAt(Stores delegate, int collectedWrite) {
        AtomicInteger writes = new AtomicInteger();
        return new WatchedStores(delegate, (collector, statuses) -> {
            if (statuses.containsValue(Status.COLLECTED)
                && writes.incrementAndGet() == collectedWrite) {
                throw new SimulatedCrash("after the state write");
            }
        });
    }

    @Override
    public CollectorStore collectors() {
        return delegate.collectors();
    }

    @Override
    public FetchStateStore fetchStates() {
        return fetchStates;
    }

    @Override
    public RunStore runs() {
        return delegate.runs();
    }

    @Override
    public StoreMetadata metadata() {
        return delegate.metadata();
    }

    @Override
    public void ping() throws Exception {
        delegate.ping();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        // the server owns the real stores
    }

    private static final class WatchedFetchStates implements FetchStateStore {
        private final FetchStateStore delegate;
        private final Watcher watcher;

        WatchedFetchStates(FetchStateStore delegate, Watcher watcher) {
            this.delegate = delegate;
            this.watcher = watcher;
        }

        @Override
        public Map<String, Status> statuses(CollectorId collector) {
            return delegate.statuses(collector);
        }

        @Override
        public void record(CollectorId collector, String messageKey, Status status, Instant at) {
            delegate.record(collector, messageKey, status, at);
            watcher.written(collector, Map.of(messageKey, status));
        }

        @Override
        public void recordAll(CollectorId collector, Map<String, Status> statuses, Instant at) {
            delegate.recordAll(collector, statuses, at);
            watcher.written(collector, statuses);
        }

        @Override
        public void forget(CollectorId collector, String messageKey) {
            delegate.forget(collector, messageKey);
        }

        @Override
        public int retainOnly(CollectorId collector, Set<String> stillRemote) {
            return delegate.retainOnly(collector, stillRemote);
        }

        @Override
        public void deleteAll(CollectorId collector) {
            delegate.deleteAll(collector);
        }
    }
}
