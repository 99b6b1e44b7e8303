package org.jamescollectors.store.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.StoreLimits;

final class InMemoryFetchStateStore implements FetchStateStore {
    private final Map<CollectorId, Map<String, Status>> states = new HashMap<>();

    @Override
    public synchronized Map<String, Status> statuses(CollectorId collector) {
        return Map.copyOf(states.getOrDefault(collector, Map.of()));
    }

    @Override
    public synchronized void record(CollectorId collector, String messageKey, Status status,
                                    Instant at) {
        StoreLimits.key("message key", messageKey, StoreLimits.MESSAGE_KEY);
        states.computeIfAbsent(collector, id -> new HashMap<>()).put(messageKey, status);
    }

    @Override
    public synchronized void recordAll(CollectorId collector, Map<String, Status> statuses,
                                       Instant at) {
        statuses.keySet().forEach(key -> StoreLimits.key("message key", key,
            StoreLimits.MESSAGE_KEY));
        states.computeIfAbsent(collector, id -> new HashMap<>()).putAll(statuses);
    }

    @Override
    public synchronized void forget(CollectorId collector, String messageKey) {
        StoreLimits.key("message key", messageKey, StoreLimits.MESSAGE_KEY);
        Map<String, Status> known = states.get(collector);
        if (known != null) {
            known.remove(messageKey);
        }
    }

    @Override
    public synchronized int retainOnly(CollectorId collector, Set<String> stillRemote) {
        Map<String, Status> known = states.get(collector);
        if (known == null) {
            return 0;
        }
        int before = known.size();
        known.keySet().retainAll(stillRemote);
        return before - known.size();
    }

    @Override
    public synchronized void deleteAll(CollectorId collector) {
        states.remove(collector);
    }
}
