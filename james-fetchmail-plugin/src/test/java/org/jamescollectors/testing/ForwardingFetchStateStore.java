package org.jamescollectors.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.FetchStateStore;

/** A fetch-state store that hands every call to another; a test overrides what it watches. */
public class ForwardingFetchStateStore implements FetchStateStore {
    private final FetchStateStore delegate;

    public ForwardingFetchStateStore(FetchStateStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<String, Status> statuses(CollectorId collector) {
        return delegate.statuses(collector);
    }

    @Override
    public void record(CollectorId collector, String messageKey, Status status, Instant at) {
        delegate.record(collector, messageKey, status, at);
    }

    @Override
    public void recordAll(CollectorId collector, Map<String, Status> statuses, Instant at) {
        delegate.recordAll(collector, statuses, at);
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
