package org.jamescollectors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.store.StoreSamples;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;

class PauseNoticeLedgerTest {
    private static final Instant SINCE = Instant.parse("2026-03-01T09:30:00Z");

    private final InMemoryStores stores = InMemoryStores.create();
    private final PauseNoticeLedger ledger = PauseNoticeLedger.over(stores.metadata());

    @Test
    void recordFirstNoticeShouldBeTrueOnceForOnePause() throws Exception {
        Collector paused = paused(StoreSamples.collector(StoreSamples.ALICE, "work"), SINCE);

        boolean first = ledger.recordFirstNotice(paused);
        boolean again = ledger.recordFirstNotice(paused.toBuilder().version(7).build());

        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void recordFirstNoticeShouldHoldAcrossNodesSharingTheStore() throws Exception {
        Collector paused = paused(StoreSamples.collector(StoreSamples.ALICE, "work"), SINCE);
        PauseNoticeLedger otherNode = PauseNoticeLedger.over(stores.metadata());

        ledger.recordFirstNotice(paused);

        assertThat(otherNode.recordFirstNotice(paused)).isFalse();
    }

    @Test
    void recordFirstNoticeShouldBeTrueAgainForAPauseAfterRevalidation() throws Exception {
        Collector collector = StoreSamples.collector(StoreSamples.ALICE, "work");
        ledger.recordFirstNotice(paused(collector, SINCE));

        boolean later = ledger.recordFirstNotice(paused(collector, SINCE.plusSeconds(86_400)));

        assertThat(later).isTrue();
    }

    @Test
    void recordFirstNoticeShouldKeepCollectorsApart() throws Exception {
        ledger.recordFirstNotice(paused(StoreSamples.collector(StoreSamples.ALICE, "one"), SINCE));

        boolean other = ledger.recordFirstNotice(
            paused(StoreSamples.collector(StoreSamples.ALICE, "two"), SINCE));

        assertThat(other).isTrue();
    }

    private static Collector paused(Collector collector, Instant since) {
        return collector.toBuilder()
            .paused(true)
            .problem(Optional.of(Problem.of("authentication", "refused", since, Optional.empty())))
            .build();
    }
}
