package org.jamescollectors.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorRuns;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.collect.Security;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.store.Stores;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.store.jdbc.StoreLocation;
import org.jamescollectors.testing.db.DerbyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollectionSchedulerTest {
    @RegisterExtension
    static final DerbyExtension DERBY = new DerbyExtension();

    private static final Username ALICE = Username.of("alice@example.test");

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Stores nodeOneStores;
    private Stores nodeTwoStores;

    @BeforeEach
    void openTwoNodesOnOneDatabase() {
        StoreLocation location = DERBY.newDatabase();
        nodeOneStores = open(JdbcStores.open(location));
        nodeTwoStores = open(JdbcStores.open(location));
    }

    @AfterEach
    void closeEverything() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void twoNodesShouldNeverRunOneCollectorAtOnceAndShareTheWork() throws Exception {
        List<CollectorId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(nodeOneStores.collectors()
                .create(collector("c" + i, account("host" + i))).id());
        }
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ofMillis(300));
        CollectionScheduler one = open(scheduler(nodeOneStores, runs, "node-1", 3));
        CollectionScheduler two = open(scheduler(nodeTwoStores, runs.sharing(nodeTwoStores),
            "node-2", 3));

        one.start();
        two.start();
        runs.awaitRuns(12, Duration.ofSeconds(30));

        assertThat(runs.overlaps()).isZero();
        assertThat(runs.runCountByCollector()).containsOnlyKeys(ids).allSatisfy((id, count) ->
            assertThat(count).isEqualTo(1));
        assertThat(runs.nodes()).containsExactlyInAnyOrder("node-1", "node-2");
    }

    @Test
    void collectorOfADeadNodeShouldRunOnceItsLeaseExpires() throws Exception {
        Collector collector = nodeOneStores.collectors().create(collector("orphan", account("h")));
        Instant now = Instant.now();
        assertThat(nodeOneStores.collectors().claim(collector.id(), "dead-node", now,
            now.plusSeconds(3))).isTrue();
        nodeOneStores.runs().save(
            Run.started(RunId.random(), collector.id(), Run.Trigger.SCHEDULE, now));
        RecordingRuns runs = new RecordingRuns(nodeTwoStores, Duration.ZERO);
        CollectionScheduler survivor = open(scheduler(nodeTwoStores, runs, "node-2", 2));

        survivor.start();
        Thread.sleep(1500);
        int runsWhileLeased = runs.total();
        runs.awaitRuns(1, Duration.ofSeconds(15));

        assertThat(runsWhileLeased).isZero();
        assertThat(runs.total()).isEqualTo(1);
        assertThat(nodeTwoStores.runs().recent(collector.id(), 10))
            .extracting(Run::outcome).contains(Run.Outcome.FAILED)
            .doesNotContain(Run.Outcome.RUNNING);
    }

    @Test
    void oneAccountShouldHaveOneSessionAtATimeAndHostsABoundedNumber() throws Exception {
        for (int i = 0; i < 6; i++) {
            nodeOneStores.collectors().create(collector("same-host-" + i,
                RemoteAccount.pop3("busy.example.test", 995, Security.TLS, "user" + (i % 3))));
        }
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ofMillis(400));
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 6));

        scheduler.start();
        runs.awaitRuns(6, Duration.ofSeconds(30));

        assertThat(runs.maxConcurrentPerHost()).isEqualTo(2);
        assertThat(runs.overlappingAccounts()).isZero();
    }

    @Test
    void runNowShouldReplaceARunLeftRunningByADeadNodeOnceItsLeaseIsFree() throws Exception {
        Collector collector = nodeOneStores.collectors().create(collector("left", account("h"))
            .toBuilder().nextRunAt(Instant.now().plus(Duration.ofHours(1))).build());
        Instant now = Instant.now();
        assertThat(nodeOneStores.collectors().claim(collector.id(), "dead-node", now,
            now.plusSeconds(2))).isTrue();
        Run left = Run.started(RunId.random(), collector.id(), Run.Trigger.USER, now);
        nodeOneStores.runs().save(left);
        RecordingRuns runs = new RecordingRuns(nodeTwoStores, Duration.ZERO);
        CollectionScheduler survivor = open(scheduler(nodeTwoStores, runs, "node-2", 2));

        Optional<Run> whileLeased = survivor.runNow(collector.id());
        Thread.sleep(2500);
        Optional<Run> afterTheLease = survivor.runNow(collector.id());
        runs.awaitRuns(1, Duration.ofSeconds(10));

        assertThat(whileLeased).map(Run::id).contains(left.id());
        assertThat(afterTheLease).map(Run::id).isPresent().isNotEqualTo(Optional.of(left.id()));
        assertThat(nodeTwoStores.runs().find(collector.id(), left.id()))
            .map(Run::outcome).contains(Run.Outcome.FAILED);
    }

    @Test
    void runNowShouldBeRateLimitedByTheMinimumInterval() throws Exception {
        Collector collector = nodeOneStores.collectors().create(collector("manual", account("h"))
            .toBuilder().nextRunAt(Instant.now().plus(Duration.ofHours(1))).build());
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ZERO);
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 2));

        Optional<Run> first = scheduler.runNow(collector.id());
        runs.awaitRuns(1, Duration.ofSeconds(10));

        assertThat(first).map(Run::trigger).contains(Run.Trigger.USER);
        assertThatThrownBy(() -> scheduler.runNow(collector.id()))
            .isInstanceOfSatisfying(TooSoonException.class,
                e -> assertThat(e.retryAfter()).isPositive());
    }

    @Test
    void suspendingOnOneNodeShouldStopCollectionOnEveryNode() throws Exception {
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ZERO);
        CollectionScheduler one = open(scheduler(nodeOneStores, runs, "node-1", 2));
        CollectorRuns nodeTwoRuns = runs.sharing(nodeTwoStores);
        CollectionScheduler two = open(scheduler(nodeTwoStores, nodeTwoRuns, "node-2", 2));
        one.suspend();
        nodeOneStores.collectors().create(collector("during maintenance", account("h")));

        two.start();
        Thread.sleep(2500);
        int runsWhileSuspended = runs.total();
        one.resume();
        runs.awaitRuns(1, Duration.ofSeconds(10));

        assertThat(runsWhileSuspended).isZero();
        assertThat(runs.total()).isEqualTo(1);
    }

    @Test
    void dueCollectorsShouldStartWithinMillisecondsOfTheirDueTimes() throws Exception {
        Instant now = Instant.now();
        List<Instant> dueTimes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant due = now.plusMillis(1300 + 370L * i);
            dueTimes.add(due);
            nodeOneStores.collectors().create(collector("due-" + i, account("host" + i))
                .toBuilder().nextRunAt(due).build());
        }
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ZERO);
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 2));

        scheduler.start();
        runs.awaitRuns(6, Duration.ofSeconds(15));

        assertThat(runs.startTimes()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(Duration.between(dueTimes.get(i), runs.startTimes().get(i)))
                .isBetween(Duration.ZERO, Duration.ofMillis(250));
        }
    }

    @Test
    void endedRunShouldLetTheNextDueCollectorStartAtOnce() throws Exception {
        nodeOneStores.collectors().create(collector("first", account("one")));
        nodeOneStores.collectors().create(collector("second", account("two")));
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ofMillis(300));
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 1));

        scheduler.start();
        runs.awaitRuns(2, Duration.ofSeconds(15));

        assertThat(runs.startTimes()).hasSize(2);
        assertThat(runs.endTimes()).hasSize(2);
        assertThat(Duration.between(runs.endTimes().get(0), runs.startTimes().get(1)))
            .isLessThan(Duration.ofMillis(250));
    }

    @Test
    void manyDueCollectorsShouldAllStartWithinASecondWhenRunsAreShort() throws Exception {
        for (int i = 0; i < 40; i++) {
            nodeOneStores.collectors().create(collector("short-" + i, account("host" + i)));
        }
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ofMillis(10));
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 4));
        Instant start = Instant.now();

        scheduler.start();
        runs.awaitRuns(40, Duration.ofSeconds(20));

        assertThat(runs.total()).isEqualTo(40);
        assertThat(runs.startTimes().get(39)).isBefore(start.plusSeconds(1));
        assertThat(runs.overlaps()).isZero();
    }

    @Test
    void resumingShouldStartDueCollectorsAtOnce() throws Exception {
        RecordingRuns runs = new RecordingRuns(nodeOneStores, Duration.ZERO);
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 2));
        scheduler.suspend();
        nodeOneStores.collectors().create(collector("held", account("h")));
        scheduler.start();
        Thread.sleep(1500);
        int runsWhileSuspended = runs.total();
        Instant resumed = Instant.now();

        scheduler.resume();
        runs.awaitRuns(1, Duration.ofSeconds(10));

        assertThat(runsWhileSuspended).isZero();
        assertThat(runs.startTimes()).hasSize(1);
        assertThat(Duration.between(resumed, runs.startTimes().get(0)))
            .isLessThan(Duration.ofMillis(250));
    }

    @Test
    void crashingRunShouldBeStartedAgainAtMostOnceASecond() throws Exception {
        nodeOneStores.collectors().create(collector("crashing", account("h")));
        CrashingRuns runs = new CrashingRuns(nodeOneStores);
        CollectionScheduler scheduler = open(scheduler(nodeOneStores, runs, "node-1", 2));

        scheduler.start();
        Thread.sleep(2500);

        assertThat(runs.attempts()).isBetween(1, 4);
    }

    private CollectionScheduler scheduler(Stores stores, CollectorRuns runs, String node,
                                          int concurrency) throws Exception {
        CollectorsConfiguration configuration = CollectorsConfiguration.fromMap(Map.of(
            "collection.concurrency", Integer.toString(concurrency),
            "collection.perHostConcurrency", "2",
            "collection.leaseDuration", "5s",
            "collection.minimumInterval", "1m"));
        return new CollectionScheduler(stores, runs, configuration, Clock.systemUTC(), node);
    }

    private static Collector collector(String name, RemoteAccount account) {
        Instant now = Instant.now();
        return Collector.builder().id(CollectorId.random()).owner(ALICE).name(name).account(account)
            .encryptedPassword("v1:x").createdAt(now).nextRunAt(now.minusSeconds(1)).build();
    }

    private static RemoteAccount account(String host) {
        return RemoteAccount.imap(host + ".example.test", 993, Security.TLS, "alice",
            Optional.empty());
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** Runs that crash before writing the collector's next run, which stays due. */
    private static final class CrashingRuns implements CollectorRuns {
        private final Stores stores;
        private final AtomicInteger attempts = new AtomicInteger();

        CrashingRuns(Stores stores) {
            this.stores = stores;
        }

        @Override
        public Run start(Collector collector, Run.Trigger trigger) {
            Run run = Run.started(RunId.random(), collector.id(), trigger, Instant.now());
            stores.runs().save(run);
            return run;
        }

        @Override
        public Run run(Collector collector, Run started) {
            attempts.incrementAndGet();
            throw new IllegalStateException("a defect in the run");
        }

        int attempts() {
            return attempts.get();
        }
    }

    /** Records runs on every node; a run pushes the collector's next run an hour ahead. */
    private static final class RecordingRuns implements CollectorRuns {
        private final Stores stores;
        private final Duration duration;
        private final Shared shared;
        private final String node;

        RecordingRuns(Stores stores, Duration duration) {
            this(stores, duration, new Shared(), "node-1");
        }

        private RecordingRuns(Stores stores, Duration duration, Shared shared, String node) {
            this.stores = stores;
            this.duration = duration;
            this.shared = shared;
            this.node = node;
        }

        /** The same recorder for a second node with its own stores. */
        RecordingRuns sharing(Stores otherNode) {
            return new RecordingRuns(otherNode, duration, shared, "node-2");
        }

        @Override
        public Run start(Collector collector, Run.Trigger trigger) {
            Run run = Run.started(RunId.random(), collector.id(), trigger, Instant.now());
            stores.runs().save(run);
            return run;
        }

        @Override
        public Run run(Collector collector, Run started) {
            shared.starts.add(Instant.now());
            String host = collector.account().host();
            String account = collector.account().username() + "@" + host;
            if (!shared.activeCollectors.add(collector.id())) {
                shared.overlaps.incrementAndGet();
            }
            if (!shared.activeAccounts.add(account)) {
                shared.accountOverlaps.incrementAndGet();
            }
            int perHost = shared.perHost.computeIfAbsent(host, h -> new AtomicInteger())
                .incrementAndGet();
            shared.maxPerHost.accumulateAndGet(perHost, Math::max);
            try {
                Thread.sleep(duration.toMillis());
                Collector current = stores.collectors().find(collector.id()).orElseThrow();
                stores.collectors().update(current.toBuilder()
                    .nextRunAt(Instant.now().plus(Duration.ofHours(1))).build());
                Run finished = started.finish(Instant.now(), Run.Outcome.SUCCESS, 0, 0, 0,
                    Optional.empty());
                stores.runs().save(finished);
                shared.record(collector.id(), node);
                shared.ends.add(Instant.now());
                return finished;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                shared.perHost.get(host).decrementAndGet();
                shared.activeAccounts.remove(account);
                shared.activeCollectors.remove(collector.id());
            }
        }

        void awaitRuns(int count, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (total() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
        }

        int total() {
            return shared.runs.values().stream().mapToInt(List::size).sum();
        }

        /** When each run began, in order. */
        List<Instant> startTimes() {
            return sorted(shared.starts);
        }

        /** When each run had ended, in order. */
        List<Instant> endTimes() {
            return sorted(shared.ends);
        }

        private static List<Instant> sorted(List<Instant> instants) {
            synchronized (instants) {
                List<Instant> copy = new ArrayList<>(instants);
                Collections.sort(copy);
                return copy;
            }
        }

        int overlaps() {
            return shared.overlaps.get();
        }

        int overlappingAccounts() {
            return shared.accountOverlaps.get();
        }

        int maxConcurrentPerHost() {
            return shared.maxPerHost.get();
        }

        Map<CollectorId, Integer> runCountByCollector() {
            Map<CollectorId, Integer> counts = new ConcurrentHashMap<>();
            shared.runs.forEach((id, list) -> counts.put(id, list.size()));
            return counts;
        }

        Set<String> nodes() {
            return Set.copyOf(shared.nodesSeen);
        }
    }

    private static final class Shared {
        final Set<CollectorId> activeCollectors = ConcurrentHashMap.newKeySet();
        final Set<String> activeAccounts = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
        final AtomicInteger maxPerHost = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger accountOverlaps = new AtomicInteger();
        final Map<CollectorId, List<String>> runs = new ConcurrentHashMap<>();
        final Set<String> nodesSeen = ConcurrentHashMap.newKeySet();
        final List<Instant> starts = Collections.synchronizedList(new ArrayList<>());
        final List<Instant> ends = Collections.synchronizedList(new ArrayList<>());

        void record(CollectorId id, String node) {
            runs.computeIfAbsent(id, i -> Collections.synchronizedList(new ArrayList<>()))
                .add(node);
            nodesSeen.add(node);
        }
    }
}
