package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.QuotaProbesImpl;
import org.awaitility.Awaitility;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.FaultInjectingProxy;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provokes each kind of failure against the real Dovecot or our fault proxy in front of it, runs
 * the collector twice, and writes down what the user sees: the run's error code, the collector's
 * state and problem, whether a retry is planned, and how many pause notices reached the owner.
 */
class FailureTableTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES = CollectorsJames.perClass(FailureTableTest::settings);

    private static final String PASSWORD = "failure-table";
    private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());
    private static final int CLOSED_PORT = freePort();
    private static FaultInjectingProxy refusingStartTls;
    private static FaultInjectingProxy stalling;
    private static FaultInjectingProxy throttling;
    private static FaultInjectingProxy withoutUidl;

    private static Map<String, String> settings() {
        DovecotServer dovecot = DOVECOT.server();
        int plainPop3 = dovecot.port(Protocol.POP3, Security.NONE);
        try {
            refusingStartTls = FaultInjectingProxy.to(plainPop3).answer("STLS", "-ERR not now");
            stalling = FaultInjectingProxy.to(dovecot.port(Protocol.POP3, Security.TLS))
                .stallAfterServerBytes(3000);
            throttling = FaultInjectingProxy.to(plainPop3)
                .answer("AUTH", "-ERR [IN-USE] the mailbox is locked by another session");
            withoutUidl = FaultInjectingProxy.to(plainPop3).answer("UIDL", "-ERR unknown command");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = Remote.settingsFor(dovecot);
        settings.put("targets.allowedPorts", settings.get("targets.allowedPorts") + ","
            + refusingStartTls.port() + "," + stalling.port() + "," + throttling.port() + ","
            + withoutUidl.port() + "," + CLOSED_PORT);
        settings.put("remote.allowPlaintext", "true");
        settings.put("remote.readTimeout", "2s");
        settings.put("message.maxSize", "64KiB");
        return settings;
    }

    @AfterAll
    static void writeTable() throws IOException {
        for (FaultInjectingProxy proxy
            : List.of(refusingStartTls, stalling, throttling, withoutUidl)) {
            proxy.close();
        }
        List<String> lines = new ArrayList<>();
        lines.add("| kind | provoked by | run 1 error | after run 1 | run 2 error | after run 2"
            + " | pause notices |");
        lines.add("|---|---|---|---|---|---|---|");
        List<String> rows = new ArrayList<>(ROWS);
        Collections.sort(rows);
        lines.addAll(rows);
        Path report = Paths.get("target", "failure-table.md");
        Files.createDirectories(report.getParent());
        Files.write(report, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }

    @Test
    void refusedPasswordShouldPauseOnTheSecondRefusalAndNotifyOnce(GuiceJamesServer james)
        throws Exception {
        String remoteUser = remoteUser(DOVECOT.server());
        Row row = provoke(james, "authentication", "wrong password at Dovecot",
            Remote.account(DOVECOT.server(), Protocol.IMAP, Security.TLS, remoteUser), "wrong");

        assertThat(row.first.error()).map(Run.Error::code).contains("authentication");
        assertThat(row.afterFirst).startsWith("active");
        assertThat(row.afterSecond).startsWith("paused");
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> notices(james, row.owner) == 1);
        Thread.sleep(1000);
        assertThat(notices(james, row.owner)).isEqualTo(1);
        row.record(notices(james, row.owner));
    }

    @Test
    void refusedStartTlsShouldFailAsTlsAndRetry(GuiceJamesServer james) throws Exception {
        Row row = provoke(james, "tls", "proxy answers STLS with -ERR",
            RemoteAccount.pop3("localhost", refusingStartTls.port(), Security.STARTTLS,
                remoteUser(DOVECOT.server())), PASSWORD);

        assertTransient(james, row, "tls");
    }

    @Test
    void closedPortShouldFailAsConnectionAndRetry(GuiceJamesServer james) throws Exception {
        Row row = provoke(james, "connection", "nothing listens on the port",
            RemoteAccount.pop3("localhost", CLOSED_PORT, Security.TLS, "nobody@remote.test"),
            PASSWORD);

        assertTransient(james, row, "connection");
    }

    @Test
    void stalledServerShouldFailAsTimeoutAndRetry(GuiceJamesServer james) throws Exception {
        String remoteUser = remoteUser(DOVECOT.server());
        DOVECOT.server().deliver(remoteUser, "INBOX", TestMessages.sized(20 * 1024));
        Row row = provoke(james, "timeout", "proxy stops forwarding after 3000 bytes",
            RemoteAccount.pop3("localhost", stalling.port(), Security.TLS, remoteUser), PASSWORD);

        assertTransient(james, row, "timeout");
    }

    @Test
    void lockedMailboxShouldFailAsThrottledAndRetry(GuiceJamesServer james) throws Exception {
        Row row = provoke(james, "throttled", "proxy answers AUTH with -ERR [IN-USE]",
            RemoteAccount.pop3("localhost", throttling.port(), Security.NONE,
                remoteUser(DOVECOT.server())), PASSWORD);

        assertTransient(james, row, "throttled");
    }

    @Test
    void serverWithoutUidlShouldFailAsProtocolAndRetry(GuiceJamesServer james) throws Exception {
        Row row = provoke(james, "protocol", "proxy answers UIDL with -ERR",
            RemoteAccount.pop3("localhost", withoutUidl.port(), Security.NONE,
                remoteUser(DOVECOT.server())), PASSWORD);

        assertTransient(james, row, "protocol");
    }

    @Test
    void fullMailboxShouldStopTheRunKeepTheMailAndWait(GuiceJamesServer james) throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = remoteUser(dovecot);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.sized(10 * 1024));
        String owner = CollectionEndToEndTest.jamesUser(james);
        QuotaProbesImpl quotas = james.getProbe(QuotaProbesImpl.class);
        quotas.setMaxStorage(quotas.getQuotaRoot(MailboxPath.inbox(Username.of(owner))),
            QuotaSizeLimit.size(100));
        Row row = provoke(james, owner, "over-quota", "owner's storage quota of 100 bytes",
            Remote.account(dovecot, Protocol.POP3, Security.TLS, remoteUser), PASSWORD);

        assertTransient(james, row, "over-quota");
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isEqualTo(1);
    }

    @Test
    void tooLargeMessageShouldStayRemoteAndBeReported(GuiceJamesServer james) throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = remoteUser(dovecot);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.sized(100 * 1024));
        Row row = provoke(james, "too-large", "a 100 KiB message, limit 64 KiB",
            Remote.account(dovecot, Protocol.IMAP, Security.TLS, remoteUser), PASSWORD);

        assertThat(row.first.outcome()).isEqualTo(Run.Outcome.PARTIAL);
        assertThat(row.first.error()).map(Run.Error::code).contains("too-large");
        assertThat(row.afterSecond).startsWith("active");
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isEqualTo(1);
        row.record(notices(james, row.owner));
    }

    private static void assertTransient(GuiceJamesServer james, Row row, String code)
        throws Exception {
        assertThat(row.first.error()).map(Run.Error::code).contains(code);
        assertThat(row.second.error()).map(Run.Error::code).contains(code);
        assertThat(row.afterSecond).startsWith("active").contains("retry planned");
        assertThat(notices(james, row.owner)).isZero();
        row.record(0);
    }

    private static Row provoke(GuiceJamesServer james, String kind, String how,
                               RemoteAccount account, String password) throws Exception {
        return provoke(james, CollectionEndToEndTest.jamesUser(james), kind, how, account,
            password);
    }

    private static Row provoke(GuiceJamesServer james, String owner, String kind, String how,
                               RemoteAccount account, String password) throws Exception {
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner), account,
            password, Retention.fetchAll(), Optional.empty());
        Row row = new Row(kind, how, owner);
        row.first = Remote.runNow(TestHooks.current(), collector.id());
        row.afterFirst = status(collector);
        row.second = Remote.runNow(TestHooks.current(), collector.id());
        row.afterSecond = status(collector);
        return row;
    }

    private static String status(Collector collector) {
        Collector now = TestHooks.current().stores().collectors().find(collector.id())
            .orElseThrow();
        String problem = now.problem().map(Problem::code).orElse("no problem");
        String retry = now.problem().flatMap(Problem::retryAt).isPresent() ? ", retry planned" : "";
        return now.state().wireName() + " (" + problem + retry + ")";
    }

    /** Pause notices are the owner's messages marked Auto-Submitted by us. */
    private static long notices(GuiceJamesServer james, String owner) throws Exception {
        return CollectionEndToEndTest.inbox(james, owner).stream()
            .map(message -> new String(message.content(), StandardCharsets.ISO_8859_1))
            .filter(text -> text.contains("Auto-Submitted: auto-generated"))
            .count();
    }

    private static String remoteUser(DovecotServer dovecot) {
        String user = TestUsers.next("failures");
        dovecot.addUser(user, PASSWORD);
        return user;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of the table. */
    private static final class Row {
        private final String kind;
        private final String how;
        private final String owner;
        private Run first;
        private Run second;
        private String afterFirst;
        private String afterSecond;

        Row(String kind, String how, String owner) {
            this.kind = kind;
            this.how = how;
            this.owner = owner;
        }

        void record(long notices) {
            ROWS.add(String.format("| %s | %s | %s | %s | %s | %s | %d |", kind, how,
                error(first), afterFirst, error(second), afterSecond, notices));
        }

        private static String error(Run run) {
            return run.error().map(Run.Error::code).orElse("none") + " ("
                + run.outcome().wireName() + ")";
        }
    }
}
