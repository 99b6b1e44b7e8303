package org.jamescollectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamescollectors.store.StoreSamples.NOW;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.FetchStateStore.Status;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link FetchStateStore} shares; each test starts from empty stores. */
public interface FetchStateStoreContract {
    CollectorId COLLECTOR = CollectorId.of("6f1c8a52-3f0e-4a4b-9d36-0c1e2b3a4d5e");
    CollectorId OTHER = CollectorId.of("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    Stores stores();

    default FetchStateStore fetchStates() {
        return stores().fetchStates();
    }

    @Test
    default void statusesShouldBeEmptyForAnUnknownCollector() {
        assertThat(fetchStates().statuses(COLLECTOR)).isEmpty();
    }

    @Test
    default void recordShouldInsertAStatus() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.DELIVERING, NOW);

        assertThat(fetchStates().statuses(COLLECTOR))
            .isEqualTo(Map.of("uidl-1", Status.DELIVERING));
    }

    @Test
    default void recordShouldOverwriteAStatus() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.DELIVERING, NOW);

        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW.plusSeconds(1));

        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(Map.of("uidl-1", Status.COLLECTED));
    }

    @Test
    default void recordShouldAcceptTheSameStatusTwice() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW);

        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW);

        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(Map.of("uidl-1", Status.COLLECTED));
    }

    @Test
    default void recordAllShouldInsertAndOverwriteInOneCall() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.DELIVERING, NOW);
        Map<String, Status> statuses = new LinkedHashMap<>();
        statuses.put("uidl-1", Status.COLLECTED);
        statuses.put("uidl-2", Status.DELIVERING);

        fetchStates().recordAll(COLLECTOR, statuses, NOW.plusSeconds(1));

        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(statuses);
        assertThat(fetchStates().statuses(OTHER)).isEmpty();
    }

    @Test
    default void recordAllShouldAcceptNothing() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW);

        fetchStates().recordAll(COLLECTOR, Map.of(), NOW);

        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(Map.of("uidl-1", Status.COLLECTED));
    }

    @Test
    default void recordAllShouldWriteNothingWhenOneKeyIsRefused() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        statuses.put("uidl-1", Status.COLLECTED);
        statuses.put("k".repeat(StoreLimits.MESSAGE_KEY + 1), Status.DELIVERING);

        assertThatThrownBy(() -> fetchStates().recordAll(COLLECTOR, statuses, NOW))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("message key");
        assertThat(fetchStates().statuses(COLLECTOR)).isEmpty();
    }

    @Test
    default void recordShouldTellKeysApartByCase() {
        List<String> keys = List.of("AbC", "abc", "ABC", " abc", "1234:42");

        keys.forEach(key -> fetchStates().record(COLLECTOR, key, Status.COLLECTED, NOW));

        assertThat(fetchStates().statuses(COLLECTOR)).containsOnlyKeys(keys);
    }

    @Test
    default void recordAndForgetShouldRejectAKeyEndingWithASpace() {
        fetchStates().record(COLLECTOR, "abc", Status.COLLECTED, NOW);

        assertThatThrownBy(() -> fetchStates().record(COLLECTOR, "abc ", Status.DELIVERING, NOW))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fetchStates().forget(COLLECTOR, "abc "))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(Map.of("abc", Status.COLLECTED));
    }

    @Test
    default void recordShouldKeepAKeyAtTheLimit() {
        String ascii = StoreSamples.repeat("k", StoreLimits.MESSAGE_KEY);
        String unicode = StoreSamples.repeat("\u20ac", StoreLimits.MESSAGE_KEY);
        String supplementary = StoreSamples.repeat("😀", StoreLimits.MESSAGE_KEY);

        List.of(ascii, unicode, supplementary)
            .forEach(key -> fetchStates().record(COLLECTOR, key, Status.COLLECTED, NOW));

        assertThat(fetchStates().statuses(COLLECTOR)).containsOnlyKeys(ascii, unicode,
            supplementary);
    }

    @Test
    default void recordShouldRejectAKeyOverTheLimit() {
        String key = "k".repeat(StoreLimits.MESSAGE_KEY + 1);

        assertThatThrownBy(() -> fetchStates().record(COLLECTOR, key, Status.COLLECTED, NOW))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("message key");
        assertThat(fetchStates().statuses(COLLECTOR)).isEmpty();
    }

    @Test
    default void statusesShouldBeKeptApartPerCollector() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW);
        fetchStates().record(OTHER, "uidl-1", Status.DELIVERING, NOW);

        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(Map.of("uidl-1", Status.COLLECTED));
        assertThat(fetchStates().statuses(OTHER)).isEqualTo(Map.of("uidl-1", Status.DELIVERING));
    }

    @Test
    default void statusesShouldReturnManyKeys() {
        Map<String, Status> expected = new HashMap<>();
        for (int i = 0; i < 1500; i++) {
            Status status = i % 3 == 0 ? Status.DELIVERING : Status.COLLECTED;
            expected.put("1700000000:" + i, status);
            fetchStates().record(COLLECTOR, "1700000000:" + i, status, NOW);
        }

        assertThat(fetchStates().statuses(COLLECTOR)).isEqualTo(expected);
    }

    @Test
    default void forgetShouldRemoveOneKey() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW);
        fetchStates().record(COLLECTOR, "uidl-2", Status.COLLECTED, NOW);
        fetchStates().record(OTHER, "uidl-1", Status.COLLECTED, NOW);

        fetchStates().forget(COLLECTOR, "uidl-1");

        assertThat(fetchStates().statuses(COLLECTOR)).containsOnlyKeys("uidl-2");
        assertThat(fetchStates().statuses(OTHER)).containsOnlyKeys("uidl-1");
    }

    @Test
    default void forgetShouldIgnoreAnUnknownKeyOrCollector() {
        fetchStates().record(COLLECTOR, "uidl-1", Status.COLLECTED, NOW);

        fetchStates().forget(COLLECTOR, "uidl-9");
        fetchStates().forget(OTHER, "uidl-1");

        assertThat(fetchStates().statuses(COLLECTOR)).containsOnlyKeys("uidl-1");
    }

    @Test
    default void retainOnlyShouldForgetKeysNoLongerRemote() {
        for (String key : List.of("a", "b", "c", "d")) {
            fetchStates().record(COLLECTOR, key, Status.COLLECTED, NOW);
        }

        int forgotten = fetchStates().retainOnly(COLLECTOR, Set.of("b", "d", "new"));

        assertThat(forgotten).isEqualTo(2);
        assertThat(fetchStates().statuses(COLLECTOR)).containsOnlyKeys("b", "d");
    }

    @Test
    default void retainOnlyShouldForgetEverythingWhenNothingIsRemote() {
        fetchStates().record(COLLECTOR, "a", Status.COLLECTED, NOW);
        fetchStates().record(COLLECTOR, "b", Status.DELIVERING, NOW);

        int forgotten = fetchStates().retainOnly(COLLECTOR, Set.of());

        assertThat(forgotten).isEqualTo(2);
        assertThat(fetchStates().statuses(COLLECTOR)).isEmpty();
    }

    @Test
    default void retainOnlyShouldReturnZeroWhenEverythingIsStillRemote() {
        fetchStates().record(COLLECTOR, "a", Status.COLLECTED, NOW);

        assertThat(fetchStates().retainOnly(COLLECTOR, Set.of("a", "b"))).isZero();
        assertThat(fetchStates().retainOnly(OTHER, Set.of())).isZero();
        assertThat(fetchStates().statuses(COLLECTOR)).containsOnlyKeys("a");
    }

    @Test
    default void retainOnlyShouldNotTouchOtherCollectors() {
        fetchStates().record(COLLECTOR, "a", Status.COLLECTED, NOW);
        fetchStates().record(OTHER, "a", Status.COLLECTED, NOW);
        fetchStates().record(OTHER, "b", Status.COLLECTED, NOW);

        fetchStates().retainOnly(COLLECTOR, Set.of());

        assertThat(fetchStates().statuses(OTHER)).containsOnlyKeys("a", "b");
    }

    @Test
    default void retainOnlyShouldHandleManyKeys() {
        Set<String> remote = new HashSet<>();
        for (int i = 0; i < 1200; i++) {
            fetchStates().record(COLLECTOR, "key-" + i, Status.COLLECTED, NOW);
            if (i % 4 != 0) {
                remote.add("key-" + i);
            }
        }

        int forgotten = fetchStates().retainOnly(COLLECTOR, remote);

        assertThat(forgotten).isEqualTo(300);
        assertThat(fetchStates().statuses(COLLECTOR).keySet()).isEqualTo(remote);
    }

    @Test
    default void deleteAllShouldForgetEveryKeyOfTheCollectorOnly() {
        fetchStates().record(COLLECTOR, "a", Status.COLLECTED, NOW);
        fetchStates().record(COLLECTOR, "b", Status.DELIVERING, NOW);
        fetchStates().record(OTHER, "a", Status.COLLECTED, NOW);

        fetchStates().deleteAll(COLLECTOR);

        assertThat(fetchStates().statuses(COLLECTOR)).isEmpty();
        assertThat(fetchStates().statuses(OTHER)).containsOnlyKeys("a");
    }

    @Test
    default void concurrentRecordsOfOneKeyShouldLeaveOneOfTheirStatuses() throws Exception {
        try (Race race = Race.of(4)) {
            for (int round = 0; round < 20; round++) {
                String key = "race-" + round;

                race.round(racer -> {
                    fetchStates().record(COLLECTOR, key,
                        racer % 2 == 0 ? Status.DELIVERING : Status.COLLECTED, NOW);
                    return racer;
                });
            }
        }

        Map<String, Status> statuses = fetchStates().statuses(COLLECTOR);
        assertThat(statuses).hasSize(20);
        assertThat(statuses.values()).allMatch(status -> status != null);
    }
}
