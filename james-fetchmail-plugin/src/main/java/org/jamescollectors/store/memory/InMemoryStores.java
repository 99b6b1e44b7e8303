package org.jamescollectors.store.memory;

import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;

/**
 * The four stores held in this JVM's memory: the reference behaviour for the JDBC stores, and a
 * store for unit tests. Thread-safe; everything is lost on close.
 */
public final class InMemoryStores implements Stores {
    private final InMemoryFetchStateStore fetchStates = new InMemoryFetchStateStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final InMemoryCollectorStore collectors = new InMemoryCollectorStore(fetchStates, runs);
    private final InMemoryStoreMetadata metadata = new InMemoryStoreMetadata();

    private InMemoryStores() {
    }

    public static InMemoryStores create() {
        return new InMemoryStores();
    }

    @Override
    public CollectorStore collectors() {
        return collectors;
    }

    @Override
    public FetchStateStore fetchStates() {
        return fetchStates;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public StoreMetadata metadata() {
        return metadata;
    }

    @Override
    public void ping() {
    }

    @Override
    public String describe() {
        return "in memory (lost when James stops)";
    }

    @Override
    public void close() {
    }
}
