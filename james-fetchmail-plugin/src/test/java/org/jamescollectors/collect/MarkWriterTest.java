package org.jamescollectors.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.FetchStateStore.Status;
import org.jamescollectors.store.memory.InMemoryStores;
import org.jamescollectors.testing.ForwardingFetchStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarkWriterTest {
    private static final CollectorId COLLECTOR = CollectorId.random();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final FetchStateStore real = InMemoryStores.create().fetchStates();
    private final List<Map<String, Status>> batches =
        Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void awaitShouldReturnOnceTheMarkIsStored() {
        MarkWriter marks = new MarkWriter(recording(() -> { }), COLLECTOR, Clock.systemUTC(),
            threads);

        marks.await(marks.write("uid-1", Status.DELIVERING));

        assertThat(real.statuses(COLLECTOR)).isEqualTo(Map.of("uid-1", Status.DELIVERING));
    }

    @Test
    void marksAskedForDuringACommitShouldShareTheNextOne() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MarkWriter marks = new MarkWriter(recording(() -> {
            firstBatchStarted.countDown();
            awaitQuietly(release);
        }), COLLECTOR, Clock.systemUTC(), threads);

        marks.write("uid-1", Status.DELIVERING);
        assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        marks.write("uid-1", Status.COLLECTED);
        marks.write("uid-2", Status.DELIVERING);
        release.countDown();
        marks.flush();

        assertThat(batches).containsExactly(Map.of("uid-1", Status.DELIVERING),
            Map.of("uid-1", Status.COLLECTED, "uid-2", Status.DELIVERING));
        assertThat(real.statuses(COLLECTOR))
            .isEqualTo(Map.of("uid-1", Status.COLLECTED, "uid-2", Status.DELIVERING));
    }

    @Test
    void aFailedCommitShouldBeThrownToWhoeverWaitsAndStopTheWriting() {
        IllegalStateException broken = new IllegalStateException("the store is down");
        MarkWriter marks = new MarkWriter(recording(() -> {
            throw broken;
        }), COLLECTOR, Clock.systemUTC(), threads);

        long first = marks.write("uid-1", Status.DELIVERING);

        assertThatThrownBy(() -> marks.await(first)).isSameAs(broken);
        marks.write("uid-2", Status.DELIVERING);
        assertThatThrownBy(marks::flush).isSameAs(broken);
        assertThat(batches).hasSize(1);
        assertThat(real.statuses(COLLECTOR)).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The in-memory store, noting each batch and running {@code beforeEach} first. */
    private FetchStateStore recording(Runnable beforeEach) {
        return new ForwardingFetchStateStore(real) {
            @Override
            public void record(CollectorId collector, String key, Status status, Instant at) {
                recordAll(collector, Map.of(key, status), at);
            }

            @Override
            public void recordAll(CollectorId collector, Map<String, Status> statuses,
                                  Instant at) {
                batches.add(Map.copyOf(statuses));
                beforeEach.run();
                super.recordAll(collector, statuses, at);
            }
        };
    }
}
