package org.jamescollectors.testing;

import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;

/** Stores that hand every call to others; a test overrides what it changes. */
public class ForwardingStores implements Stores {
    private final Stores delegate;

    public ForwardingStores(Stores delegate) {
        this.delegate = delegate;
    }

    @Override
    public CollectorStore collectors() {
        return delegate.collectors();
    }

    @Override
    public FetchStateStore fetchStates() {
        return delegate.fetchStates();
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
        delegate.close();
    }
}
