package org.jamescollectors.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamescollectors.store.StoreSamples.ALICE;
import static org.jamescollectors.store.StoreSamples.NOW;
import static org.jamescollectors.store.StoreSamples.collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.Race;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.Stores;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one database: {@link #stores()} is the first, and each test opens a second
 * {@link JdbcStores}, with its own pool, on {@link #location()}.
 */
public interface TwoNodesContract {
    Stores stores();

    StoreLocation location();

    @Test
    default void secondNodeShouldSeeTheFirstNodesWrites() throws Exception {
        try (JdbcStores second = JdbcStores.open(location())) {
            Collector created = stores().collectors().create(collector(ALICE, "Shared"));

            assertThat(second.collectors().find(created.id())).contains(created);
            assertThat(second.collectors().findDue(NOW, 10)).containsExactly(created);
        }
    }

    @Test
    default void twoNodesShouldNeverBothHoldALease() throws Exception {
        Collector collector = stores().collectors().create(collector(ALICE, "Contended"));
        List<Long> winners = new ArrayList<>();

        try (JdbcStores second = JdbcStores.open(location()); Race race = Race.of(4)) {
            List<Stores> nodes = List.of(stores(), second);
            for (int round = 0; round < 60; round++) {
                Instant now = NOW.plusSeconds(round * 10L);
                List<Boolean> claims = race.round(racer -> nodes.get(racer % 2).collectors()
                    .claim(collector.id(), "node-" + racer, now, now.plusSeconds(5)));
                winners.add(claims.stream().filter(won -> won).count());
            }
        }

        assertThat(winners).hasSize(60).containsOnly(1L);
    }

    @Test
    default void twoNodesShouldNeverBothUpdateOneVersion() throws Exception {
        Collector created = stores().collectors().create(collector(ALICE, "Contended"));
        List<Long> winners = new ArrayList<>();

        try (JdbcStores second = JdbcStores.open(location()); Race race = Race.of(4)) {
            List<Stores> nodes = List.of(stores(), second);
            for (int round = 0; round < 20; round++) {
                Collector read = nodes.get(round % 2).collectors().find(created.id()).orElseThrow();
                List<Boolean> updates = race.round(racer -> updated(nodes.get(racer % 2),
                    read.toBuilder().consecutiveFailures(racer).build()));
                winners.add(updates.stream().filter(won -> won).count());
            }
        }

        assertThat(winners).hasSize(20).containsOnly(1L);
        assertThat(stores().collectors().find(created.id()).orElseThrow().version()).isEqualTo(21);
    }

    @Test
    default void twoNodesShouldNeverCreateTwoCollectorsOfOneName() throws Exception {
        List<Long> created = new ArrayList<>();

        try (JdbcStores second = JdbcStores.open(location()); Race race = Race.of(4)) {
            List<Stores> nodes = List.of(stores(), second);
            for (int round = 0; round < 15; round++) {
                String name = "Same name " + round;
                List<Boolean> results = race.round(racer -> createdAs(nodes.get(racer % 2),
                    collector(ALICE, name)));
                created.add(results.stream().filter(won -> won).count());
            }
        }

        assertThat(created).hasSize(15).containsOnly(1L);
        assertThat(stores().collectors().countByOwner(ALICE)).isEqualTo(15);
    }

    private static boolean updated(Stores node, Collector collector) throws Exception {
        try {
            node.collectors().update(collector);
            return true;
        } catch (StaleCollectorException e) {
            return false;
        }
    }

    private static boolean createdAs(Stores node, Collector collector) {
        try {
            node.collectors().create(collector);
            return true;
        } catch (DuplicateCollectorException e) {
            return false;
        }
    }
}
