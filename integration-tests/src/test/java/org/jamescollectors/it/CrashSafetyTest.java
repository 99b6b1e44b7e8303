package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.collect.MailSources;
import org.jamescollectors.collect.MessageDelivery;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.delivery.DeliveryOutcome;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cuts a run off at each step where a crash could lose or duplicate mail, then runs the collector
 * again with fresh components over the same store while the mailbox lives on, and counts: every
 * remote message must end in the mailbox exactly once and be gone from the remote server.
 */
class CrashSafetyTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES =
        CollectorsJames.perClass(() -> Remote.settingsFor(DOVECOT.server()));

    private static final int MESSAGES = 4;
    private static final int CRASH_AT_MESSAGE = 2;
    private static final String PASSWORD = "crash-test";
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (crash-[0-9a-z-]+)\\r?$");
    private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

    /** Where a run is cut off. */
    enum Point {
        AFTER_DOWNLOAD, AFTER_DELIVERY, AFTER_STATE_WRITE, BEFORE_REMOTE_DELETE, AFTER_REMOTE_DELETE
    }

    @TempDir
    Path spool;

    static Stream<Arguments> points() {
        return Stream.of(Protocol.values()).flatMap(protocol ->
            Stream.of(Point.values()).map(point -> Arguments.of(point, protocol)));
    }

    @ParameterizedTest(name = "{1} cut off {0}")
    @MethodSource("points")
    void runCutOffAnywhereShouldLeaveEveryMessageExactlyOnce(Point point, Protocol protocol,
                                                            GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("crash");
        dovecot.addUser(remoteUser, PASSWORD);
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) {
            String subject = "crash-" + point.name().toLowerCase().replace('_', '-') + "-" + i;
            subjects.add(subject);
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple(subject));
        }
        String owner = CollectionEndToEndTest.jamesUser(james);
        TestHooks hooks = TestHooks.current();
        Collector collector = Remote.create(hooks, Username.of(owner),
            Remote.account(dovecot, protocol, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.empty());

        CollectorRunner crashing = runner(hooks, dovecot, point);
        assertThatThrownBy(
            () -> crashing.run(collector, crashing.start(collector, Run.Trigger.SCHEDULE)))
            .isInstanceOf(SimulatedCrash.class);
        int inMailboxAfterCrash = subjectCounts(james, owner).values().stream()
            .mapToInt(i -> i).sum();
        CollectorRunner restarted = runner(hooks, dovecot, null);
        Collector stored = hooks.stores().collectors().find(collector.id()).orElseThrow();
        Run recovery = restarted.run(stored, restarted.start(stored, Run.Trigger.SCHEDULE));

        Map<String, Integer> counts = subjectCounts(james, owner);
        int duplicates = counts.values().stream().mapToInt(count -> Math.max(0, count - 1)).sum();
        long losses = subjects.stream().filter(subject -> !counts.containsKey(subject)).count();
        int remoteAfter = dovecot.messageCount(remoteUser, "INBOX");
        TABLE.add(String.format("| %s | %s | %d | %d | %d | %d | %d | %s |", protocol, point,
            MESSAGES, inMailboxAfterCrash, counts.values().stream().mapToInt(i -> i).sum(),
            duplicates, losses, remoteAfter + " (" + recovery.outcome().wireName() + ")"));
        assertThat(duplicates).isZero();
        assertThat(losses).isZero();
        assertThat(counts).containsOnlyKeys(subjects);
        assertThat(remoteAfter).isZero();
    }

    @AfterAll
    static void writeTable() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| protocol | cut off | on the remote before | in the mailbox after the crash"
            + " | in the mailbox after the next run | duplicates | losses | left on the remote |");
        lines.add("|---|---|---|---|---|---|---|---|");
        List<String> rows = new ArrayList<>(TABLE);
        Collections.sort(rows);
        lines.addAll(rows);
        Path report = Paths.get("target", "crash-safety.md");
        Files.createDirectories(report.getParent());
        Files.write(report, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }

    private CollectorRunner runner(TestHooks hooks, DovecotServer dovecot, Point crash) {
        MailSources connector = TestRunners.dovecot(dovecot);
        MailSources sources = crash == null ? connector
            : (account, password, plaintext) -> new CrashingSource(connector.open(account, password,
                plaintext), crash);
        MessageDelivery delivery = TestRunners.delivery(hooks);
        Stores stores = hooks.stores();
        if (crash == Point.AFTER_DELIVERY) {
            delivery = crashingAfterDelivery(delivery);
        } else if (crash == Point.AFTER_STATE_WRITE) {
            stores = WatchedStores.crashingAt(stores, CRASH_AT_MESSAGE);
        }
        return TestRunners.runner(hooks, stores, sources, delivery, spool);
    }

    private static MessageDelivery crashingAfterDelivery(MessageDelivery real) {
        AtomicInteger delivered = new AtomicInteger();
        return TestRunners.around(real, (message, james) -> {
            DeliveryOutcome outcome = james.deliver(message);
            if (delivered.incrementAndGet() == CRASH_AT_MESSAGE) {
                throw new SimulatedCrash("after delivery");
            }
            return outcome;
        });
    }

    private static Map<String, Integer> subjectCounts(GuiceJamesServer james, String owner)
        throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        MailboxContentProbe probe = CollectionEndToEndTest.probe(james);
        for (String folder : probe.counts(owner).keySet()) {
            for (MailboxContentProbe.StoredMessage message : probe.messages(owner, folder)) {
                Matcher matcher = SUBJECT.matcher(
                    new String(message.content(), StandardCharsets.ISO_8859_1));
                if (matcher.find()) {
                    counts.merge(matcher.group(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** A real session that dies after downloading a message or around the remote deletion. */
    private static final class CrashingSource implements MailSource {
        private final MailSource delegate;
        private final Point point;
        private int retrieved;

        CrashingSource(MailSource delegate, Point point) {
            this.delegate = delegate;
            this.point = point;
        }

        @Override
        public List<RemoteMessage> messages() throws RemoteException {
            return delegate.messages();
        }

        @Override
        public void retrieve(RemoteMessage message, OutputStream sink)
            throws RemoteException, IOException {
            delegate.retrieve(message, sink);
            if (point == Point.AFTER_DOWNLOAD && ++retrieved == CRASH_AT_MESSAGE) {
                throw new SimulatedCrash("after download");
            }
        }

        @Override
        public void delete(List<RemoteMessage> messages) throws RemoteException {
            if (point == Point.BEFORE_REMOTE_DELETE) {
                throw new SimulatedCrash("before the remote delete");
            }
            delegate.delete(messages);
            if (point == Point.AFTER_REMOTE_DELETE) {
                throw new SimulatedCrash("after the remote delete");
            }
        }

        @Override
        public void close() throws RemoteException {
            delegate.close();
        }

        @Override
        public void abort() {
            delegate.abort();
        }
    }
}
