package org.jamescollectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamescollectors.store.StoreSamples.NOW;
import static org.jamescollectors.store.StoreSamples.finished;
import static org.jamescollectors.store.StoreSamples.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.store.RunStore.RunTotals;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunStore} shares; each test starts from empty stores. */
public interface RunStoreContract {
    CollectorId COLLECTOR = CollectorId.of("9b2e7c1d-5a4f-4e3b-8d2c-1f0e9d8c7b6a");
    CollectorId OTHER = CollectorId.of("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    Stores stores();

    default RunStore runs() {
        return stores().runs();
    }

    @Test
    default void saveShouldInsertARunThatFindReturns() {
        Run run = run(COLLECTOR, NOW);

        runs().save(run);

        assertThat(runs().find(COLLECTOR, run.id())).contains(run);
    }

    @Test
    default void saveShouldReplaceTheRunWithTheSameId() {
        Run started = run(COLLECTOR, NOW);
        runs().save(started);
        Run done = started.finish(NOW.plusSeconds(30), Run.Outcome.PARTIAL, 12, 34_567, 2,
            Optional.of(Run.Error.of("message.too.large", "one message was left on the server")));

        runs().save(done);

        assertThat(runs().find(COLLECTOR, started.id())).contains(done);
        assertThat(runs().recent(COLLECTOR, 10)).containsExactly(done);
    }

    @Test
    default void saveShouldKeepAUserTriggeredFailedRun() {
        Run run = Run.started(RunId.random(), COLLECTOR, Run.Trigger.USER, NOW)
            .finish(NOW.plusSeconds(2), Run.Outcome.FAILED, 0, 0, 0,
                Optional.of(Run.Error.of("auth.refused", "LOGIN failed: wrong password")));

        runs().save(run);

        assertThat(runs().find(COLLECTOR, run.id())).contains(run);
    }

    @Test
    default void saveShouldCutTimesToTheMillisecond() {
        Run run = run(COLLECTOR, Instant.parse("2026-03-01T10:00:00.123456Z"))
            .finish(Instant.parse("2026-03-01T10:00:01.999999999Z"), Run.Outcome.SUCCESS, 1, 2, 0,
                Optional.empty());

        runs().save(run);

        Run found = runs().find(COLLECTOR, run.id()).orElseThrow();
        assertThat(found.startedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(found.finishedAt()).contains(Instant.parse("2026-03-01T10:00:01.999Z"));
    }

    @Test
    default void saveShouldCutAnErrorMessageOverItsLimit() {
        String message = StoreSamples.repeat("é", StoreLimits.MESSAGE + 500);
        Run run = finished(COLLECTOR, NOW, Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("network", message)));

        runs().save(run);

        assertThat(runs().find(COLLECTOR, run.id()).orElseThrow().error().orElseThrow().message())
            .isEqualTo(message.substring(0, StoreLimits.MESSAGE));
    }

    @Test
    default void saveShouldRejectAnErrorCodeOverItsLimit() {
        Run run = finished(COLLECTOR, NOW, Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("c".repeat(StoreLimits.CODE + 1), "boom")));

        assertThatThrownBy(() -> runs().save(run)).isInstanceOf(IllegalArgumentException.class);
        assertThat(runs().find(COLLECTOR, run.id())).isEmpty();
    }

    @Test
    default void saveShouldKeepLargeCounts() {
        Run run = run(COLLECTOR, NOW).finish(NOW, Run.Outcome.SUCCESS, Integer.MAX_VALUE,
            Long.MAX_VALUE, Integer.MAX_VALUE, Optional.empty());

        runs().save(run);

        assertThat(runs().find(COLLECTOR, run.id())).contains(run);
    }

    @Test
    default void findShouldBeEmptyForAnotherCollectorsRun() {
        Run run = run(COLLECTOR, NOW);
        runs().save(run);

        assertThat(runs().find(OTHER, run.id())).isEmpty();
        assertThat(runs().find(COLLECTOR, RunId.random())).isEmpty();
    }

    @Test
    default void recentShouldReturnTheNewestFirstWithinTheLimit() {
        List<Run> saved = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Run run = run(COLLECTOR, NOW.plusSeconds(i * 60L));
            saved.add(run);
            runs().save(run);
        }

        List<Run> recent = runs().recent(COLLECTOR, 4);

        assertThat(recent).containsExactly(saved.get(5), saved.get(4), saved.get(3), saved.get(2));
    }

    @Test
    default void recentShouldOrderRunsStartedTogetherById() {
        List<Run> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Run run = run(COLLECTOR, NOW);
            saved.add(run);
            runs().save(run);
        }

        List<Run> recent = runs().recent(COLLECTOR, 5);

        assertThat(recent).containsExactlyElementsOf(saved.stream()
            .sorted(Comparator.comparing((Run run) -> run.id().asString()).reversed())
            .collect(Collectors.toList()));
    }

    @Test
    default void recentShouldOnlyReturnTheCollectorsRuns() {
        Run mine = run(COLLECTOR, NOW);
        runs().save(mine);
        runs().save(run(OTHER, NOW.plusSeconds(1)));

        assertThat(runs().recent(COLLECTOR, 10)).containsExactly(mine);
        assertThat(runs().recent(CollectorId.random(), 10)).isEmpty();
    }

    @Test
    default void recentShouldBeEmptyWhenTheLimitIsZero() {
        runs().save(run(COLLECTOR, NOW));

        assertThat(runs().recent(COLLECTOR, 0)).isEmpty();
        assertThatThrownBy(() -> runs().recent(COLLECTOR, -1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void trimShouldKeepTheNewestRuns() {
        List<Run> saved = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Run run = run(COLLECTOR, NOW.minusSeconds(i * 3600L));
            saved.add(run);
            runs().save(run);
        }
        Run others = run(OTHER, NOW.minusSeconds(99_999));
        runs().save(others);

        int trimmed = runs().trim(COLLECTOR, 3);

        assertThat(trimmed).isEqualTo(5);
        assertThat(runs().recent(COLLECTOR, 10)).containsExactlyElementsOf(saved.subList(0, 3));
        assertThat(runs().recent(OTHER, 10)).containsExactly(others);
    }

    @Test
    default void trimShouldDoNothingWhenThereAreFewerRuns() {
        runs().save(run(COLLECTOR, NOW));
        runs().save(run(COLLECTOR, NOW.plusSeconds(1)));

        assertThat(runs().trim(COLLECTOR, 2)).isZero();
        assertThat(runs().trim(OTHER, 5)).isZero();
        assertThat(runs().recent(COLLECTOR, 10)).hasSize(2);
    }

    @Test
    default void trimToZeroShouldDeleteEveryRunOfTheCollector() {
        runs().save(run(COLLECTOR, NOW));
        runs().save(run(COLLECTOR, NOW.plusSeconds(1)));

        assertThat(runs().trim(COLLECTOR, 0)).isEqualTo(2);
        assertThat(runs().recent(COLLECTOR, 10)).isEmpty();
    }

    @Test
    default void trimShouldKeepTheSameRunsRecentReturns() {
        for (int i = 0; i < 6; i++) {
            runs().save(run(COLLECTOR, NOW.plusSeconds(i % 2)));
        }
        List<Run> newest = runs().recent(COLLECTOR, 3);

        runs().trim(COLLECTOR, 3);

        assertThat(runs().recent(COLLECTOR, 10)).containsExactlyElementsOf(newest);
    }

    @Test
    default void totalsShouldBeZeroWhenThereAreNoRuns() {
        RunTotals totals = runs().totals();

        assertThat(totals.runs()).isZero();
        assertThat(totals.messages()).isZero();
        assertThat(totals.bytes()).isZero();
        assertThat(totals.failuresByCode()).isEmpty();
    }

    @Test
    default void totalsShouldSumRunsMessagesBytesAndFailedRunsByCode() {
        runs().save(finished(COLLECTOR, NOW, Run.Outcome.SUCCESS, 3, 3000, Optional.empty()));
        runs().save(finished(OTHER, NOW, Run.Outcome.SUCCESS, 2, 500, Optional.empty()));
        runs().save(finished(COLLECTOR, NOW, Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("auth.refused", "no"))));
        runs().save(finished(OTHER, NOW, Run.Outcome.FAILED, 1, 10,
            Optional.of(Run.Error.of("auth.refused", "still no"))));
        runs().save(finished(OTHER, NOW, Run.Outcome.FAILED, 0, 0,
            Optional.of(Run.Error.of("network", "timeout"))));
        runs().save(finished(OTHER, NOW, Run.Outcome.FAILED, 0, 0, Optional.empty()));
        runs().save(finished(OTHER, NOW, Run.Outcome.PARTIAL, 4, 40,
            Optional.of(Run.Error.of("message.too.large", "left one"))));
        runs().save(run(COLLECTOR, NOW));

        RunTotals totals = runs().totals();

        assertThat(totals.runs()).isEqualTo(8);
        assertThat(totals.messages()).isEqualTo(10);
        assertThat(totals.bytes()).isEqualTo(3550);
        assertThat(totals.failuresByCode()).isEqualTo(Map.of("auth.refused", 2L, "network", 1L,
            "unknown", 1L));
    }

    @Test
    default void totalsShouldNotOverflowAnInt() {
        runs().save(finished(COLLECTOR, NOW, Run.Outcome.SUCCESS, Integer.MAX_VALUE,
            5L * 1024 * 1024 * 1024, Optional.empty()));
        runs().save(finished(OTHER, NOW, Run.Outcome.SUCCESS, Integer.MAX_VALUE,
            5L * 1024 * 1024 * 1024, Optional.empty()));

        RunTotals totals = runs().totals();

        assertThat(totals.messages()).isEqualTo(2L * Integer.MAX_VALUE);
        assertThat(totals.bytes()).isEqualTo(10L * 1024 * 1024 * 1024);
    }
}
