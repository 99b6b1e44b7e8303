package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.collect.MessageDelivery;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.delivery.DeliveryOutcome;
import org.jamescollectors.store.FetchStateStore.Status;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The order of a run's writes, watched from the store: a message reaches James only once its
 * "delivering" mark is stored, marks are written ahead and share transactions, and two messages
 * share the pipeline.
 */
class WriteAheadOrderTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES =
        CollectorsJames.perClass(() -> Remote.settingsFor(DOVECOT.server()));

    private static final int MESSAGES = 5;
    private static final String PASSWORD = "order-test";

    @TempDir
    Path spool;

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void everyMessageShouldBeMarkedDeliveringBeforeJamesGetsIt(Protocol protocol,
                                                                GuiceJamesServer james)
        throws Exception {
        TestHooks hooks = TestHooks.current();
        Collector collector = collectorWithMessages(hooks, james, protocol);
        List<String> seenByJames = Collections.synchronizedList(new ArrayList<>());
        MessageDelivery checking = TestRunners.around(TestRunners.delivery(hooks),
            (message, real) -> {
                seenByJames.add(message.messageKey() + "=" + hooks.stores().fetchStates()
                    .statuses(collector.id()).get(message.messageKey()));
                return real.deliver(message);
            });
        CollectorRunner runner = TestRunners.runner(hooks, hooks.stores(),
            TestRunners.dovecot(DOVECOT.server()), checking, spool);

        Run run = runner.run(collector, runner.start(collector, Run.Trigger.USER));

        assertThat(run.messages()).isEqualTo(MESSAGES);
        assertThat(seenByJames).hasSize(MESSAGES)
            .allSatisfy(seen -> assertThat(seen).endsWith("=" + Status.DELIVERING));
        assertThat(hooks.stores().fetchStates().statuses(collector.id()).values())
            .hasSize(MESSAGES).containsOnly(Status.COLLECTED);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void marksShouldBeWrittenAheadAndSharedBetweenMessages(Protocol protocol,
                                                           GuiceJamesServer james)
        throws Exception {
        TestHooks hooks = TestHooks.current();
        Collector collector = collectorWithMessages(hooks, james, protocol);
        List<Map<String, Status>> writes = Collections.synchronizedList(new ArrayList<>());
        Stores watched = new WatchedStores(hooks.stores(), (id, statuses) -> {
            if (id.equals(collector.id())) {
                writes.add(statuses);
            }
        });
        List<Map<String, Status>> seenAtEachDelivery = new ArrayList<>();
        // A slow pipeline, so that marks asked for meanwhile have long been written.
        MessageDelivery slow = TestRunners.around(TestRunners.delivery(hooks), (message, real) -> {
            pause();
            seenAtEachDelivery.add(hooks.stores().fetchStates().statuses(collector.id()));
            return real.deliver(message);
        });
        CollectorRunner runner = TestRunners.runner(hooks, oneDeliveryAtATime(), watched,
            TestRunners.dovecot(DOVECOT.server()), slow, spool);

        Run run = runner.run(collector, runner.start(collector, Run.Trigger.USER));

        assertThat(run.messages()).isEqualTo(MESSAGES);
        assertThat(seenAtEachDelivery.get(0)).hasSize(MESSAGES)
            .allSatisfy((key, status) -> assertThat(status).isEqualTo(Status.DELIVERING));
        assertThat(writes).hasSizeLessThan(2 * MESSAGES);
        assertThat(hooks.stores().fetchStates().statuses(collector.id()).values())
            .hasSize(MESSAGES).containsOnly(Status.COLLECTED);
        assertThat(DOVECOT.server().messageCount(collector.account().username(), "INBOX"))
            .isZero();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void twoMessagesShouldBeInThePipelineAtOnceByDefault(Protocol protocol,
                                                         GuiceJamesServer james)
        throws Exception {
        TestHooks hooks = TestHooks.current();
        Collector collector = collectorWithMessages(hooks, james, protocol);
        AtomicInteger inPipeline = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        MessageDelivery counting = TestRunners.around(TestRunners.delivery(hooks),
            (message, real) -> {
                most.accumulateAndGet(inPipeline.incrementAndGet(), Math::max);
                pause();
                try {
                    return real.deliver(message);
                } finally {
                    inPipeline.decrementAndGet();
                }
            });
        CollectorRunner runner = TestRunners.runner(hooks, hooks.stores(),
            TestRunners.dovecot(DOVECOT.server()), counting, spool);

        Run run = runner.run(collector, runner.start(collector, Run.Trigger.USER));

        assertThat(run.messages()).isEqualTo(MESSAGES);
        assertThat(most.get()).isEqualTo(hooks.configuration().parallelDeliveries()).isEqualTo(2);
        assertThat(CollectionEndToEndTest.inbox(james, collector.owner().asString()))
            .hasSize(MESSAGES);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void messagesMarkedAheadShouldCountAsNewAgainWhenTheRunStopsBeforeThem(Protocol protocol,
                                                                            GuiceJamesServer james)
        throws Exception {
        TestHooks hooks = TestHooks.current();
        Collector collector = collectorWithMessages(hooks, james, protocol);
        AtomicInteger delivered = new AtomicInteger();
        MessageDelivery fullAfterOne = TestRunners.around(TestRunners.delivery(hooks),
            (message, real) -> delivered.incrementAndGet() == 1 ? real.deliver(message)
                : DeliveryOutcome.failedOverQuota("the test's mailbox is full"));
        CollectorRunner runner = TestRunners.runner(hooks, oneDeliveryAtATime(), hooks.stores(),
            TestRunners.dovecot(DOVECOT.server()), fullAfterOne, spool);

        Run run = runner.run(collector, runner.start(collector, Run.Trigger.USER));

        assertThat(run.messages()).isEqualTo(1);
        assertThat(run.error()).map(Run.Error::code).contains("over-quota");
        assertThat(hooks.stores().fetchStates().statuses(collector.id()).values())
            .containsExactly(Status.COLLECTED);
        assertThat(DOVECOT.server().messageCount(collector.account().username(), "INBOX"))
            .isEqualTo(MESSAGES - 1);
    }

    private static CollectorsConfiguration oneDeliveryAtATime() throws Exception {
        return CollectorsConfiguration.fromMap(Map.of("collection.parallelDeliveries", "1"));
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Collector collectorWithMessages(TestHooks hooks, GuiceJamesServer james,
                                                   Protocol protocol) throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("order");
        dovecot.addUser(remoteUser, PASSWORD);
        for (int i = 1; i <= MESSAGES; i++) {
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("order " + i));
        }
        return Remote.create(hooks, Username.of(CollectionEndToEndTest.jamesUser(james)),
            Remote.account(dovecot, protocol, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.empty());
    }
}
