package org.jamescollectors.it;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.FetchStateStore.Status;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.ForwardingFetchStateStore;
import org.jamescollectors.testing.ForwardingStores;

/** The real stores, with a watcher told of every fetch-state write right after it is made. */
final class WatchedStores extends ForwardingStores {
    /** Told of each write of the fetch state; may throw to cut the run off there. */
    interface Watcher {
        void written(CollectorId collector, Map<String, Status> statuses);
    }

    private final FetchStateStore fetchStates;

    WatchedStores(Stores delegate, Watcher watcher) {
        super(delegate);
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
    public FetchStateStore fetchStates() {
        return fetchStates;
    }

    @Override
    public void close() {
        // the server owns the real stores
    }

    private static final class WatchedFetchStates extends ForwardingFetchStateStore {
        private final Watcher watcher;

        WatchedFetchStates(FetchStateStore delegate, Watcher watcher) {
            super(delegate);
            this.watcher = watcher;
        }

        @Override
        public void record(CollectorId collector, String messageKey, Status status, Instant at) {
            super.record(collector, messageKey, status, at);
            watcher.written(collector, Map.of(messageKey, status));
        }

        @Override
        public void recordAll(CollectorId collector, Map<String, Status> statuses, Instant at) {
            super.recordAll(collector, statuses, at);
            watcher.written(collector, statuses);
        }
    }
}
