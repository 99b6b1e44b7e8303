package org.jamescollectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamescollectors.store.StoreSamples.ALICE;
import static org.jamescollectors.store.StoreSamples.BOB;
import static org.jamescollectors.store.StoreSamples.NOW;
import static org.jamescollectors.store.StoreSamples.collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.store.FetchStateStore.Status;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link CollectorStore} shares; each test starts from empty stores. */
public interface CollectorStoreContract {
    Stores stores();

    default CollectorStore collectors() {
        return stores().collectors();
    }

    @Test
    default void createShouldStoreTheCollectorAtVersionOne() throws Exception {
        Collector collector = collector(ALICE, "Work").toBuilder().version(42).build();

        Collector created = collectors().create(collector);

        assertThat(created).isEqualTo(collector.toBuilder().version(1).build());
        assertThat(collectors().find(collector.id())).contains(created);
    }

    @Test
    default void createShouldKeepEveryField() throws Exception {
        Collector collector = StoreSamples.everyFieldSet(ALICE);

        collectors().create(collector);

        assertThat(collectors().find(collector.id())).contains(collector);
    }

    @Test
    default void createShouldKeepAPop3CollectorWithoutFolders() throws Exception {
        Collector collector = StoreSamples.pop3(ALICE, "Pop");

        collectors().create(collector);

        Collector found = collectors().find(collector.id()).orElseThrow();
        assertThat(found.account().sourceFolder()).isEmpty();
        assertThat(found.targetFolder()).isEmpty();
        assertThat(found).isEqualTo(collector.toBuilder().version(1).build());
    }

    @Test
    default void createShouldKeepAProblemWithoutRetry() throws Exception {
        Collector collector = collector(ALICE, "Paused").toBuilder().paused(true)
            .problem(Optional.of(Problem.of("auth", "refused", NOW, Optional.empty())))
            .build();

        collectors().create(collector);

        assertThat(collectors().find(collector.id()).orElseThrow().problem())
            .contains(Problem.of("auth", "refused", NOW, Optional.empty()));
    }

    @Test
    default void createShouldCutTimesToTheMillisecond() throws Exception {
        Instant precise = Instant.parse("2026-03-01T10:00:00.123456789Z");
        Collector collector = collector(ALICE, "Precise").toBuilder()
            .createdAt(precise).nextRunAt(precise.plusNanos(1)).build();

        Collector created = collectors().create(collector);

        Instant millis = Instant.parse("2026-03-01T10:00:00.123Z");
        assertThat(created.createdAt()).isEqualTo(millis);
        assertThat(created.nextRunAt()).isEqualTo(millis);
        assertThat(collectors().find(collector.id())).contains(created);
    }

    @Test
    default void createShouldKeepTimesFarFromNow() throws Exception {
        Instant past = Instant.parse("1970-01-01T00:00:00Z");
        Instant future = Instant.parse("9999-12-31T23:59:59.999Z");
        Collector collector = collector(ALICE, "Far").toBuilder()
            .createdAt(past).nextRunAt(future).build();

        Collector created = collectors().create(collector);

        assertThat(collectors().find(collector.id())).contains(created);
        assertThat(created.nextRunAt()).isEqualTo(future);
    }

    @Test
    default void createShouldRejectADuplicateNameOfTheSameOwner() throws Exception {
        collectors().create(collector(ALICE, "Work"));
        Collector twin = collector(ALICE, "Work");

        assertThatThrownBy(() -> collectors().create(twin))
            .isInstanceOf(DuplicateCollectorException.class)
            .hasMessageContaining("Work");
        assertThat(collectors().find(twin.id())).isEmpty();
        assertThat(collectors().countByOwner(ALICE)).isEqualTo(1);
    }

    @Test
    default void createShouldAcceptTheSameNameForDifferentOwners() throws Exception {
        Collector alices = collectors().create(collector(ALICE, "Work"));

        Collector bobs = collectors().create(collector(BOB, "Work"));

        assertThat(collectors().find(alices.id())).contains(alices);
        assertThat(collectors().find(bobs.id())).contains(bobs);
    }

    @Test
    default void createShouldTellNamesApartByCase() throws Exception {
        List<String> names = List.of("work", "Work", "WORK", " work", "wörk", "work\t");

        for (String name : names) {
            collectors().create(collector(ALICE, name));
        }

        assertThat(collectors().listByOwner(ALICE)).extracting(Collector::name)
            .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    default void createShouldRejectANameEndingWithASpace() {
        Collector collector = collector(ALICE, "work ");

        assertThatThrownBy(() -> collectors().create(collector))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must not end with a space");
        assertThat(collectors().find(collector.id())).isEmpty();
    }

    @Test
    default void createShouldRejectAnExistingId() throws Exception {
        Collector first = collectors().create(collector(ALICE, "Work"));
        Collector sameId = collector(BOB, "Home").toBuilder().id(first.id()).build();

        assertThatThrownBy(() -> collectors().create(sameId))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(first.id().asString());
        assertThat(collectors().find(first.id())).contains(first);
    }

    @Test
    default void createShouldKeepUnicodeNamesAndUsernames() throws Exception {
        Username owner = Username.of("jérôme.dupré@example.com");
        Collector collector = collector(owner, "Boîte perso 📬 日本語").toBuilder()
            .account(RemoteAccount.imap("imap.example.net", 993, Security.TLS,
                "jérôme+😀@exemple.fr", Optional.of("Boîte d'envoi/Réçu")))
            .targetFolder(Optional.of("Коллекция"))
            .build();

        collectors().create(collector);

        assertThat(collectors().find(collector.id()))
            .contains(collector.toBuilder().version(1).build());
        assertThat(collectors().listByOwner(owner)).extracting(Collector::name)
            .containsExactly("Boîte perso 📬 日本語");
    }

    @Test
    default void createShouldKeepValuesAtTheirLimits() throws Exception {
        Collector collector = atLimits("é");

        collectors().create(collector);

        assertThat(collectors().find(collector.id()))
            .contains(collector.toBuilder().version(1).build());
    }

    @Test
    default void createShouldKeepSupplementaryCharactersAtTheLimits() throws Exception {
        Collector collector = atLimits("📬");

        collectors().create(collector);

        assertThat(collectors().find(collector.id()))
            .contains(collector.toBuilder().version(1).build());
    }

    @Test
    default void createShouldRejectANameOverItsLimit() {
        Collector collector = collector(ALICE, "n".repeat(StoreLimits.NAME + 1));

        assertThatThrownBy(() -> collectors().create(collector))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("name");
        assertThat(collectors().find(collector.id())).isEmpty();
    }

    @Test
    default void createShouldRejectAnEncryptedPasswordOverItsLimit() {
        Collector collector = collector(ALICE, "Long").toBuilder()
            .encryptedPassword("p".repeat(StoreLimits.ENCRYPTED_PASSWORD + 1)).build();

        assertThatThrownBy(() -> collectors().create(collector))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("encryptedPassword");
    }

    @Test
    default void createShouldCutAProblemMessageOverItsLimit() throws Exception {
        String message = StoreSamples.repeat("📬", StoreLimits.MESSAGE + 1);
        Collector collector = collector(ALICE, "Troubled").toBuilder()
            .problem(Optional.of(Problem.of("network", message, NOW, Optional.of(NOW))))
            .build();

        Collector created = collectors().create(collector);

        String kept = collectors().find(collector.id()).orElseThrow().problem().orElseThrow()
            .message();
        assertThat(kept).isEqualTo(created.problem().orElseThrow().message());
        assertThat(kept).hasSize(StoreLimits.MESSAGE).isEqualTo(message.substring(0,
            StoreLimits.MESSAGE));
    }

    @Test
    default void findShouldBeEmptyWhenUnknown() {
        assertThat(collectors().find(CollectorId.random())).isEmpty();
    }

    @Test
    default void listByOwnerShouldReturnOldestFirst() throws Exception {
        Collector newest = collectors().create(collector(ALICE, "C").toBuilder()
            .createdAt(NOW.plusSeconds(20)).build());
        Collector oldest = collectors().create(collector(ALICE, "A").toBuilder()
            .createdAt(NOW).build());
        Collector middle = collectors().create(collector(ALICE, "B").toBuilder()
            .createdAt(NOW.plusSeconds(10)).build());

        List<Collector> listed = collectors().listByOwner(ALICE);

        assertThat(listed).containsExactly(oldest, middle, newest);
    }

    @Test
    default void listByOwnerShouldOrderCollectorsCreatedTogetherById() throws Exception {
        List<Collector> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(collectors().create(collector(ALICE, "Same time " + i)));
        }

        List<Collector> listed = collectors().listByOwner(ALICE);

        assertThat(listed).containsExactlyElementsOf(created.stream()
            .sorted(Comparator.comparing(collector -> collector.id().asString()))
            .collect(Collectors.toList()));
    }

    @Test
    default void listByOwnerShouldNotReturnOtherOwnersCollectors() throws Exception {
        Collector alices = collectors().create(collector(ALICE, "Work"));
        collectors().create(collector(BOB, "Work"));

        assertThat(collectors().listByOwner(ALICE)).containsExactly(alices);
        assertThat(collectors().listByOwner(Username.of("carol@example.com"))).isEmpty();
    }

    @Test
    default void countByOwnerShouldCountOnlyTheOwnersCollectors() throws Exception {
        collectors().create(collector(ALICE, "One"));
        collectors().create(collector(ALICE, "Two"));
        collectors().create(collector(BOB, "One"));

        assertThat(collectors().countByOwner(ALICE)).isEqualTo(2);
        assertThat(collectors().countByOwner(BOB)).isEqualTo(1);
        assertThat(collectors().countByOwner(Username.of("carol@example.com"))).isZero();
    }

    @Test
    default void updateShouldReplaceTheCollectorAndIncrementItsVersion() throws Exception {
        Collector created = collectors().create(collector(ALICE, "Work"));
        Collector changed = StoreSamples.everyFieldSet(ALICE).toBuilder()
            .id(created.id()).version(created.version()).build();

        Collector updated = collectors().update(changed);

        assertThat(updated).isEqualTo(changed.toBuilder().version(2).build());
        assertThat(collectors().find(created.id())).contains(updated);
    }

    @Test
    default void updateShouldClearOptionalFields() throws Exception {
        Collector created = collectors().create(StoreSamples.everyFieldSet(ALICE));
        Collector cleared = created.toBuilder().problem(Optional.empty())
            .targetFolder(Optional.empty()).paused(false).build();

        collectors().update(cleared);

        Collector found = collectors().find(created.id()).orElseThrow();
        assertThat(found.problem()).isEmpty();
        assertThat(found.targetFolder()).isEmpty();
        assertThat(found.state()).isEqualTo(CollectorState.ACTIVE);
    }

    @Test
    default void updateShouldThrowStaleWhenTheVersionChanged() throws Exception {
        Collector created = collectors().create(collector(ALICE, "Work"));
        Collector updated = collectors().update(created.toBuilder().name("First").build());

        assertThatThrownBy(() -> collectors().update(created.toBuilder().name("Second").build()))
            .isInstanceOf(StaleCollectorException.class)
            .hasMessageContaining(created.id().asString());
        assertThat(collectors().find(created.id())).contains(updated);
    }

    @Test
    default void updateShouldThrowStaleWhenDeleted() throws Exception {
        Collector created = collectors().create(collector(ALICE, "Work"));
        collectors().delete(created.id());

        assertThatThrownBy(() -> collectors().update(created.toBuilder().name("Back").build()))
            .isInstanceOf(StaleCollectorException.class);
        assertThat(collectors().find(created.id())).isEmpty();
    }

    @Test
    default void updateShouldThrowStaleWhenNeverCreated() {
        Collector never = collector(ALICE, "Never").toBuilder().version(1).build();

        assertThatThrownBy(() -> collectors().update(never))
            .isInstanceOf(StaleCollectorException.class);
    }

    @Test
    default void updateShouldThrowDuplicateWhenRenamedToATakenName() throws Exception {
        collectors().create(collector(ALICE, "Work"));
        Collector home = collectors().create(collector(ALICE, "Home"));

        assertThatThrownBy(() -> collectors().update(home.toBuilder().name("Work").build()))
            .isInstanceOf(DuplicateCollectorException.class);
        assertThat(collectors().find(home.id())).contains(home);
    }

    @Test
    default void updateShouldKeepTheLease() throws Exception {
        Collector created = collectors().create(collector(ALICE, "Work"));
        collectors().claim(created.id(), "node-a", NOW, NOW.plusSeconds(60));

        collectors().update(created.toBuilder().name("Renamed").build());

        assertThat(collectors().claim(created.id(), "node-b", NOW, NOW.plusSeconds(60))).isFalse();
        assertThat(collectors().renew(created.id(), "node-a", NOW.plusSeconds(120))).isTrue();
    }

    @Test
    default void concurrentUpdatesShouldLetExactlyOneWinEachRound() throws Exception {
        Collector current = collectors().create(collector(ALICE, "Contended"));
        List<Long> winners = new ArrayList<>();

        try (Race race = Race.of(4)) {
            for (int round = 0; round < 25; round++) {
                Collector read = current;
                List<Optional<Collector>> results = race.round(racer -> updateOrEmpty(
                    read.toBuilder().consecutiveFailures(racer).build()));
                winners.add(results.stream().filter(Optional::isPresent).count());
                current = collectors().find(read.id()).orElseThrow();
            }
        }

        assertThat(winners).hasSize(25).containsOnly(1L);
        assertThat(current.version()).isEqualTo(26);
    }

    @Test
    default void deleteShouldRemoveTheCollectorWithItsFetchStateAndRuns() throws Exception {
        Collector doomed = collectors().create(collector(ALICE, "Doomed"));
        Collector kept = collectors().create(collector(ALICE, "Kept"));
        for (Collector collector : List.of(doomed, kept)) {
            stores().fetchStates().record(collector.id(), "uidl-1", Status.COLLECTED, NOW);
            stores().runs().save(StoreSamples.run(collector.id(), NOW));
        }

        boolean deleted = collectors().delete(doomed.id());

        assertThat(deleted).isTrue();
        assertThat(collectors().find(doomed.id())).isEmpty();
        assertThat(stores().fetchStates().statuses(doomed.id())).isEmpty();
        assertThat(stores().runs().recent(doomed.id(), 10)).isEmpty();
        assertThat(collectors().find(kept.id())).contains(kept);
        assertThat(stores().fetchStates().statuses(kept.id())).hasSize(1);
        assertThat(stores().runs().recent(kept.id(), 10)).hasSize(1);
    }

    @Test
    default void deleteShouldReturnFalseWhenUnknown() {
        assertThat(collectors().delete(CollectorId.random())).isFalse();
    }

    @Test
    default void deleteShouldFreeTheName() throws Exception {
        Collector first = collectors().create(collector(ALICE, "Work"));
        collectors().delete(first.id());

        Collector second = collectors().create(collector(ALICE, "Work"));

        assertThat(collectors().listByOwner(ALICE)).containsExactly(second);
    }

    @Test
    default void deleteByOwnerShouldDeleteOnlyTheOwnersCollectors() throws Exception {
        Collector one = collectors().create(collector(ALICE, "One"));
        Collector two = collectors().create(collector(ALICE, "Two"));
        Collector bobs = collectors().create(collector(BOB, "One"));
        stores().fetchStates().record(one.id(), "k", Status.COLLECTED, NOW);
        stores().runs().save(StoreSamples.run(two.id(), NOW));

        List<CollectorId> deleted = collectors().deleteByOwner(ALICE);

        assertThat(deleted).containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(collectors().listByOwner(ALICE)).isEmpty();
        assertThat(stores().fetchStates().statuses(one.id())).isEmpty();
        assertThat(stores().runs().recent(two.id(), 10)).isEmpty();
        assertThat(collectors().listByOwner(BOB)).containsExactly(bobs);
    }

    @Test
    default void deleteByOwnerShouldReturnNothingWhenTheOwnerHasNone() {
        assertThat(collectors().deleteByOwner(ALICE)).isEmpty();
    }

    @Test
    default void renameOwnerShouldMoveEveryCollector() throws Exception {
        Collector one = collectors().create(collector(ALICE, "One"));
        Collector two = collectors().create(collector(ALICE, "Two"));
        Username alias = Username.of("alice.smith@example.com");

        int moved = collectors().renameOwner(ALICE, alias);

        assertThat(moved).isEqualTo(2);
        assertThat(collectors().listByOwner(ALICE)).isEmpty();
        assertThat(collectors().listByOwner(alias)).containsExactlyInAnyOrder(
            one.toBuilder().owner(alias).version(2).build(),
            two.toBuilder().owner(alias).version(2).build());
    }

    @Test
    default void renameOwnerShouldMoveNothingWhenANameClashes() throws Exception {
        Collector alicesWork = collectors().create(collector(ALICE, "Work"));
        Collector alicesHome = collectors().create(collector(ALICE, "Home"));
        Collector bobsWork = collectors().create(collector(BOB, "Work"));

        assertThatThrownBy(() -> collectors().renameOwner(ALICE, BOB))
            .isInstanceOf(DuplicateCollectorException.class);
        assertThat(collectors().listByOwner(ALICE))
            .containsExactlyInAnyOrder(alicesWork, alicesHome);
        assertThat(collectors().listByOwner(BOB)).containsExactly(bobsWork);
    }

    @Test
    default void renameOwnerShouldJoinCollectorsWhenNamesDiffer() throws Exception {
        collectors().create(collector(ALICE, "Work"));
        collectors().create(collector(BOB, "Home"));

        int moved = collectors().renameOwner(ALICE, BOB);

        assertThat(moved).isEqualTo(1);
        assertThat(collectors().listByOwner(BOB)).extracting(Collector::name)
            .containsExactlyInAnyOrder("Work", "Home");
    }

    @Test
    default void renameOwnerShouldReturnZeroWhenTheOwnerHasNone() throws Exception {
        assertThat(collectors().renameOwner(ALICE, BOB)).isZero();
    }

    @Test
    default void renameOwnerShouldMakeEarlierReadsStale() throws Exception {
        Collector read = collectors().create(collector(ALICE, "Work"));
        collectors().renameOwner(ALICE, BOB);

        assertThatThrownBy(() -> collectors().update(read.toBuilder().name("Old").build()))
            .isInstanceOf(StaleCollectorException.class);
        assertThat(collectors().find(read.id()).orElseThrow().owner()).isEqualTo(BOB);
    }

    @Test
    default void findDueShouldReturnActiveCollectorsDueAtOrBeforeNowEarliestFirst()
        throws Exception {
        Collector late = collectors().create(due("Late", NOW.minusSeconds(10)));
        Collector exact = collectors().create(due("Exact", NOW));
        Collector early = collectors().create(due("Early", NOW.minusSeconds(3600)));
        collectors().create(due("Future", NOW.plusMillis(1)));

        List<Collector> due = collectors().findDue(NOW, 10);

        assertThat(due).containsExactly(early, late, exact);
    }

    @Test
    default void findDueShouldRespectTheLimit() throws Exception {
        List<Collector> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(collectors().create(due("Due " + i, NOW.minusSeconds(100 - i))));
        }

        List<Collector> due = collectors().findDue(NOW, 3);

        assertThat(due).containsExactlyElementsOf(created.subList(0, 3));
    }

    @Test
    default void findDueShouldOrderCollectorsDueTogetherById() throws Exception {
        List<Collector> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(collectors().create(due("Due " + i, NOW)));
        }

        List<Collector> due = collectors().findDue(NOW, 4);

        assertThat(due).containsExactlyElementsOf(created.stream()
            .sorted(Comparator.comparing(collector -> collector.id().asString()))
            .limit(4).collect(Collectors.toList()));
    }

    @Test
    default void findDueShouldSkipDisabledAndPausedCollectors() throws Exception {
        Collector active = collectors().create(due("Active", NOW));
        collectors().create(due("Disabled", NOW).toBuilder().enabled(false).build());
        collectors().create(due("Paused", NOW).toBuilder().paused(true).build());
        collectors().create(due("Both", NOW).toBuilder().enabled(false).paused(true).build());

        assertThat(collectors().findDue(NOW, 10)).containsExactly(active);
    }

    @Test
    default void findDueShouldSkipLeasedCollectorsUntilTheLeaseExpires() throws Exception {
        Collector leased = collectors().create(due("Leased", NOW.minusSeconds(60)));
        Collector free = collectors().create(due("Free", NOW));
        collectors().claim(leased.id(), "node-a", NOW, NOW.plusSeconds(30));

        assertThat(collectors().findDue(NOW, 10)).containsExactly(free);
        assertThat(collectors().findDue(NOW.plusSeconds(29), 10)).containsExactly(free);
        assertThat(collectors().findDue(NOW.plusSeconds(30), 10)).containsExactly(leased, free);
    }

    @Test
    default void findDueShouldReturnAReleasedCollector() throws Exception {
        Collector collector = collectors().create(due("Released", NOW));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(30));

        collectors().release(collector.id(), "node-a");

        assertThat(collectors().findDue(NOW, 10)).containsExactly(collector);
    }

    @Test
    default void findDueShouldReturnNothingWhenTheLimitIsZero() throws Exception {
        collectors().create(due("Due", NOW));

        assertThat(collectors().findDue(NOW, 0)).isEmpty();
    }

    @Test
    default void findDueShouldRejectANegativeLimit() {
        assertThatThrownBy(() -> collectors().findDue(NOW, -1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1");
    }

    @Test
    default void earliestNextRunShouldIgnoreInactiveCollectors() throws Exception {
        collectors().create(due("Disabled", NOW.minusSeconds(300)).toBuilder().enabled(false)
            .build());
        collectors().create(due("Paused", NOW.minusSeconds(200)).toBuilder().paused(true).build());
        collectors().create(due("Later", NOW.plusSeconds(100)));
        collectors().create(due("Sooner", NOW.plusSeconds(50)));

        assertThat(collectors().earliestNextRun()).contains(NOW.plusSeconds(50));
    }

    @Test
    default void earliestNextRunShouldCountLeasedCollectors() throws Exception {
        Collector leased = collectors().create(due("Leased", NOW.minusSeconds(10)));
        collectors().claim(leased.id(), "node-a", NOW, NOW.plusSeconds(60));

        assertThat(collectors().earliestNextRun()).contains(NOW.minusSeconds(10));
    }

    @Test
    default void earliestNextRunShouldBeEmptyWhenNoneIsActive() throws Exception {
        collectors().create(due("Disabled", NOW).toBuilder().enabled(false).build());

        assertThat(collectors().earliestNextRun()).isEmpty();
    }

    @Test
    default void claimShouldSucceedWhenTheLeaseIsFree() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));

        assertThat(collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60)))
            .isTrue();
    }

    @Test
    default void claimShouldFailWhileAnotherNodeHoldsTheLease() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        boolean claimed = collectors().claim(collector.id(), "node-b", NOW.plusSeconds(59),
            NOW.plusSeconds(120));

        assertThat(claimed).isFalse();
        assertThat(collectors().renew(collector.id(), "node-a", NOW.plusSeconds(90))).isTrue();
    }

    @Test
    default void claimShouldFailWhenTheSameNodeHoldsAnUnexpiredLease() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        assertThat(collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60)))
            .isFalse();
    }

    @Test
    default void claimShouldTakeOverAnExpiredLease() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        boolean claimed = collectors().claim(collector.id(), "node-b", NOW.plusSeconds(60),
            NOW.plusSeconds(120));

        assertThat(claimed).isTrue();
        assertThat(collectors().claim(collector.id(), "node-a", NOW.plusSeconds(61),
            NOW.plusSeconds(180))).isFalse();
    }

    @Test
    default void claimShouldFailForAnUnknownCollector() {
        assertThat(collectors().claim(CollectorId.random(), "node-a", NOW, NOW.plusSeconds(60)))
            .isFalse();
    }

    @Test
    default void claimShouldKeepALongUnicodeNodeId() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        String node = StoreSamples.repeat("ñ", StoreLimits.NODE_ID);
        collectors().claim(collector.id(), node, NOW, NOW.plusSeconds(60));

        assertThat(collectors().renew(collector.id(), node, NOW.plusSeconds(90))).isTrue();
        assertThat(collectors().renew(collector.id(), node.substring(1), NOW.plusSeconds(90)))
            .isFalse();
    }

    @Test
    default void leasesShouldRejectANodeIdEndingWithASpace() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        assertThatThrownBy(() -> collectors().claim(collector.id(), "node-b ", NOW.plusSeconds(60),
            NOW.plusSeconds(120))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> collectors().renew(collector.id(), "node-a ", NOW.plusSeconds(90)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> collectors().release(collector.id(), "node-a "))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(collectors().renew(collector.id(), "node-a", NOW.plusSeconds(90))).isTrue();
    }

    @Test
    default void claimShouldRejectANodeIdOverItsLimit() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));

        assertThatThrownBy(() -> collectors().claim(collector.id(),
            "n".repeat(StoreLimits.NODE_ID + 1), NOW, NOW.plusSeconds(60)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void claimShouldLetExactlyOneOfManyThreadsWinEachRound() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Contended"));
        List<Long> winners = new ArrayList<>();

        try (Race race = Race.of(4)) {
            for (int round = 0; round < 100; round++) {
                Instant now = NOW.plusSeconds(round * 10L);
                List<Boolean> claims = race.round(racer -> collectors().claim(collector.id(),
                    "node-" + racer, now, now.plusSeconds(5)));
                winners.add(claims.stream().filter(won -> won).count());
            }
        }

        assertThat(winners).hasSize(100).containsOnly(1L);
    }

    @Test
    default void renewShouldExtendAHeldLease() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        boolean renewed = collectors().renew(collector.id(), "node-a", NOW.plusSeconds(120));

        assertThat(renewed).isTrue();
        assertThat(collectors().claim(collector.id(), "node-b", NOW.plusSeconds(90),
            NOW.plusSeconds(150))).isFalse();
        assertThat(collectors().claim(collector.id(), "node-b", NOW.plusSeconds(120),
            NOW.plusSeconds(150))).isTrue();
    }

    @Test
    default void renewShouldSucceedAfterExpiryWhenNobodyTookTheLease() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        assertThat(collectors().renew(collector.id(), "node-a", NOW.plusSeconds(600))).isTrue();
    }

    @Test
    default void renewShouldFailAfterTheLeaseWasTakenOver() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));
        collectors().claim(collector.id(), "node-b", NOW.plusSeconds(61), NOW.plusSeconds(120));

        boolean renewed = collectors().renew(collector.id(), "node-a", NOW.plusSeconds(180));

        assertThat(renewed).isFalse();
        assertThat(collectors().claim(collector.id(), "node-a", NOW.plusSeconds(119),
            NOW.plusSeconds(180))).isFalse();
    }

    @Test
    default void renewShouldFailAfterRelease() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));
        collectors().release(collector.id(), "node-a");

        assertThat(collectors().renew(collector.id(), "node-a", NOW.plusSeconds(120))).isFalse();
    }

    @Test
    default void renewShouldFailWhenNeverClaimed() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));

        assertThat(collectors().renew(collector.id(), "node-a", NOW.plusSeconds(120))).isFalse();
    }

    @Test
    default void releaseShouldFreeTheLeaseAtOnce() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        collectors().release(collector.id(), "node-a");

        assertThat(collectors().claim(collector.id(), "node-b", NOW, NOW.plusSeconds(60)))
            .isTrue();
    }

    @Test
    default void releaseByANonHolderShouldHaveNoEffect() throws Exception {
        Collector collector = collectors().create(collector(ALICE, "Work"));
        collectors().claim(collector.id(), "node-a", NOW, NOW.plusSeconds(60));

        collectors().release(collector.id(), "node-b");

        assertThat(collectors().claim(collector.id(), "node-b", NOW, NOW.plusSeconds(60)))
            .isFalse();
        assertThat(collectors().renew(collector.id(), "node-a", NOW.plusSeconds(90))).isTrue();
    }

    @Test
    default void countByStateShouldCountEveryState() throws Exception {
        collectors().create(collector(ALICE, "Active 1"));
        collectors().create(collector(BOB, "Active 2"));
        collectors().create(collector(ALICE, "Paused").toBuilder().paused(true).build());
        collectors().create(collector(ALICE, "Disabled").toBuilder().enabled(false).build());
        collectors().create(collector(BOB, "Disabled and paused").toBuilder().enabled(false)
            .paused(true).build());

        Map<CollectorState, Integer> counts = collectors().countByState();

        assertThat(counts).isEqualTo(Map.of(CollectorState.ACTIVE, 2, CollectorState.PAUSED, 1,
            CollectorState.DISABLED, 2));
    }

    @Test
    default void countByStateShouldGiveZeroesWhenEmpty() {
        assertThat(collectors().countByState()).isEqualTo(Map.of(CollectorState.ACTIVE, 0,
            CollectorState.PAUSED, 0, CollectorState.DISABLED, 0));
    }

    @Test
    default void pageShouldWalkEveryCollectorInIdOrder() throws Exception {
        List<CollectorId> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(collectors().create(collector(i % 2 == 0 ? ALICE : BOB, "C" + i)).id());
        }
        List<CollectorId> walked = new ArrayList<>();

        Optional<CollectorId> after = Optional.empty();
        for (List<Collector> page = collectors().page(after, 3); !page.isEmpty();
             page = collectors().page(after, 3)) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            page.forEach(collector -> walked.add(collector.id()));
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsExactlyElementsOf(created.stream()
            .sorted(Comparator.comparing(CollectorId::asString)).collect(Collectors.toList()));
    }

    @Test
    default void pageShouldStartAfterAnIdThatIsNotStored() throws Exception {
        Collector low = collectors().create(collector(ALICE, "Low").toBuilder()
            .id(CollectorId.of("00000000-0000-4000-8000-000000000001")).build());
        Collector high = collectors().create(collector(ALICE, "High").toBuilder()
            .id(CollectorId.of("ffffffff-0000-4000-8000-000000000001")).build());

        List<Collector> page = collectors().page(
            Optional.of(CollectorId.of("7fffffff-0000-4000-8000-000000000000")), 10);

        assertThat(page).containsExactly(high);
        assertThat(collectors().page(Optional.empty(), 1)).containsExactly(low);
    }

    @Test
    default void pageShouldBeEmptyAfterTheLastOrWhenTheSizeIsZero() throws Exception {
        Collector only = collectors().create(collector(ALICE, "Only"));

        assertThat(collectors().page(Optional.of(only.id()), 10)).isEmpty();
        assertThat(collectors().page(Optional.empty(), 0)).isEmpty();
    }

    private Optional<Collector> updateOrEmpty(Collector collector) throws Exception {
        try {
            return Optional.of(collectors().update(collector));
        } catch (StaleCollectorException e) {
            return Optional.empty();
        }
    }

    private static Collector due(String name, Instant nextRunAt) {
        return collector(ALICE, name).toBuilder().nextRunAt(nextRunAt).build();
    }

    private static Collector atLimits(String unit) {
        String owner = StoreSamples.repeat("a", StoreLimits.OWNER - "@example.com".length());
        return collector(Username.of(owner + "@example.com"), StoreSamples.repeat(unit,
            StoreLimits.NAME))
            .toBuilder()
            .account(RemoteAccount.imap(StoreSamples.repeat("h", StoreLimits.HOST), 993,
                Security.TLS, StoreSamples.repeat(unit, StoreLimits.USERNAME),
                Optional.of(StoreSamples.repeat(unit, StoreLimits.FOLDER))))
            .encryptedPassword(StoreSamples.repeat("p", StoreLimits.ENCRYPTED_PASSWORD))
            .targetFolder(Optional.of(StoreSamples.repeat(unit, StoreLimits.FOLDER)))
            .problem(Optional.of(Problem.of(StoreSamples.repeat("c", StoreLimits.CODE),
                StoreSamples.repeat(unit, StoreLimits.MESSAGE), NOW, Optional.of(NOW))))
            .build();
    }
}
