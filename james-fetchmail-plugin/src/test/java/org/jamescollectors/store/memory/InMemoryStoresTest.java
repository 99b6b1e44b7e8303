package org.jamescollectors.store.memory;

import org.jamescollectors.store.CollectorStoreContract;
import org.jamescollectors.store.FetchStateStoreContract;
import org.jamescollectors.store.RunStoreContract;
import org.jamescollectors.store.StoreMetadataContract;
import org.jamescollectors.store.Stores;
import org.junit.jupiter.api.BeforeEach;

class InMemoryStoresTest implements CollectorStoreContract, FetchStateStoreContract,
    RunStoreContract, StoreMetadataContract {
    private InMemoryStores stores;

    @BeforeEach
    void createStores() {
        stores = InMemoryStores.create();
    }

    @Override
    public Stores stores() {
        return stores;
    }
}
