package org.jamescollectors.it;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;

/**
 * The real stores, except that recording a message as collected can crash right after the write.
 */
final class CrashingStores implements Stores {
    private final Stores delegate;
    private final FetchStateStore fetchStates;

    CrashingStores(Stores delegate, int crashAtCollectedRecord) {
        this.delegate = delegate;
        this.fetchStates = new CrashingFetchStates(delegate.fetchStates(), crashAtCollectedRecord);
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

    private static final class CrashingFetchStates implements FetchStateStore {
        private final FetchStateStore delegate;
        private final int crashAt;
        private int collectedRecords;

        CrashingFetchStates(FetchStateStore delegate, int crashAt) {
            this.delegate = delegate;
            this.crashAt = crashAt;
        }

        @Override
        public Map<String, Status> statuses(CollectorId collector) {
            return delegate.statuses(collector);
        }

        @Override
        public void record(CollectorId collector, String messageKey, Status status, Instant at) {
            delegate.record(collector, messageKey, status, at);
            if (status == Status.COLLECTED && ++collectedRecords == crashAt) {
                throw new SimulatedCrash("after the state write");
            }
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
