package org.jamescollectors.guice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.james.core.Username;
import org.apache.james.core.healthcheck.Result;
import org.apache.james.core.healthcheck.ResultStatus;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorRuns;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.collect.Security;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.ForwardingStores;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class CollectorsHealthCheckTest {
    private final InMemoryStores stores = InMemoryStores.create();
    private final CollectorsStatus status = new CollectorsStatus();
    private final CollectorsConfiguration configuration = CollectorsConfiguration.defaults();
    private CollectionScheduler scheduler;

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void checkShouldBeHealthyWhenCollectionRunsAndNothingIsOverdue() throws Exception {
        started(stores);

        assertThat(check(stores).getStatus()).isEqualTo(ResultStatus.HEALTHY);
    }

    @Test
    void checkShouldBeUnhealthyWhenTheStoreDoesNotAnswer() throws Exception {
        Stores unreachable = new Unreachable(stores);
        started(unreachable);

        Result result = check(unreachable);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.UNHEALTHY);
        assertThat(result.getCause()).hasValueSatisfying(cause ->
            assertThat(cause).contains("does not answer"));
    }

    @Test
    void checkShouldBeUnhealthyWhenCollectionWasRefusedAtStartUp() {
        status.refuse(List.of("the secret key file is not the store's"));

        Result result = check(stores);

        assertThat(result.getStatus()).isEqualTo(ResultStatus.UNHEALTHY);
        assertThat(result.getCause()).hasValueSatisfying(cause ->
            assertThat(cause).contains("secret key"));
    }

    @Test
    void checkShouldBeDegradedWhileTheOperatorSuspendsCollection() throws Exception {
        started(stores);
        scheduler.suspend();

        assertThat(check(stores).getStatus()).isEqualTo(ResultStatus.DEGRADED);
    }

    @Test
    void checkShouldBeDegradedWhenACollectorIsOverdueByMoreThanAnInterval() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofHours(3));
        stores.collectors().create(collector("busy", longAgo));
        stores.collectors().create(collector("waiting", longAgo));
        CountDownLatch release = new CountDownLatch(1);
        scheduler = new CollectionScheduler(stores, new BlockingRuns(stores, release),
            CollectorsConfiguration.fromMap(Map.of("collection.concurrency", "1")),
            Clock.systemUTC(), "test-node");
        scheduler.start();
        Thread.sleep(1500);
        status.started();

        Result result = check(stores);
        release.countDown();

        assertThat(result.getStatus()).isEqualTo(ResultStatus.DEGRADED);
        assertThat(result.getCause()).hasValueSatisfying(cause ->
            assertThat(cause).contains("overdue"));
    }

    private static Collector collector(String name, Instant due) {
        return Collector.builder().id(CollectorId.random())
            .owner(Username.of("alice@example.test")).name(name)
            .account(RemoteAccount.pop3(name + ".example.test", 995, Security.TLS, "alice"))
            .encryptedPassword("v1:x").createdAt(due).nextRunAt(due).build();
    }

    private void started(Stores storesToUse) throws Exception {
        scheduler = new CollectionScheduler(storesToUse, new NeverRuns(), configuration,
            Clock.systemUTC(), "test-node");
        scheduler.start();
        Thread.sleep(300);
        status.started();
    }

    private Result check(Stores storesToUse) {
        CollectionScheduler checked = scheduler != null ? scheduler
            : new CollectionScheduler(storesToUse, new NeverRuns(), configuration,
                Clock.systemUTC(), "test-node");
        scheduler = checked;
        return Mono.from(new CollectorsHealthCheck(storesToUse, checked, status, configuration,
            Clock.systemUTC()).check()).block();
    }

    /** Holds every run until released, so the node has no capacity left. */
    private static final class BlockingRuns implements CollectorRuns {
        private final Stores stores;
        private final CountDownLatch release;

        BlockingRuns(Stores stores, CountDownLatch release) {
            this.stores = stores;
            this.release = release;
        }

        @Override
        public Run start(Collector collector, Run.Trigger trigger) {
            Run run = Run.started(RunId.random(), collector.id(), trigger, Instant.now());
            stores.runs().save(run);
            return run;
        }

        @Override
        public Run run(Collector collector, Run started) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return started;
        }
    }

    /** Never runs anything: the checks look at the scheduler, not at runs. */
    private static final class NeverRuns implements CollectorRuns {
        @Override
        public Run start(Collector collector, Run.Trigger trigger) {
            throw new IllegalStateException("no run expected");
        }

        @Override
        public Run run(Collector collector, Run started) {
            throw new IllegalStateException("no run expected");
        }
    }

    /** The in-memory stores, except that the database does not answer. */
    private static final class Unreachable extends ForwardingStores {
        Unreachable(Stores delegate) {
            super(delegate);
        }

        @Override
        public void ping() throws Exception {
            throw new java.sql.SQLException("connection refused");
        }

        @Override
        public String describe() {
            return "an unreachable database";
        }
    }
}
