package org.jamescollectors.store.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jamescollectors.store.StoreLimits;
import org.jamescollectors.store.StoreMetadata;

final class InMemoryStoreMetadata implements StoreMetadata {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String putIfAbsent(String name, String value) {
        check(name, value);
        String previous = values.putIfAbsent(name, value);
        return previous == null ? value : previous;
    }

    @Override
    public void put(String name, String value) {
        check(name, value);
        values.put(name, value);
    }

    private static void check(String name, String value) {
        StoreLimits.key("metadata name", name, StoreLimits.METADATA_NAME);
        StoreLimits.within("metadata value", value, StoreLimits.METADATA_VALUE);
    }
}
