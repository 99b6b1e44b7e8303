package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorState;
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
 * What a run does when things go wrong on the way: a message too large, a connection cut in the
 * middle of a message, a server that stops answering, a refused password. Faults come from a
 * proxy of our own between the collector and the real Dovecot.
 */
class CollectionFaultsEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES =
        CollectorsJames.perClass(CollectionFaultsEndToEndTest::settings);

    private static final String PASSWORD = "faults";
    private static FaultInjectingProxy proxy;

    private static Map<String, String> settings() {
        DovecotServer dovecot = DOVECOT.server();
        try {
            proxy = FaultInjectingProxy.to(dovecot.port(Protocol.POP3, Security.TLS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = Remote.settingsFor(dovecot);
        settings.put("targets.allowedPorts",
            settings.get("targets.allowedPorts") + "," + proxy.port());
        settings.put("message.maxSize", "64KiB");
        settings.put("remote.readTimeout", "2s");
        settings.put("failures.backoffInitial", "1m");
        return settings;
    }

    @AfterAll
    static void stopProxy() throws IOException {
        proxy.close();
    }

    @Test
    void tooLargeMessageShouldStayOnTheServerAndNotStopTheOthers(GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = newRemoteUser(dovecot);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("small one"));
        dovecot.deliver(remoteUser, "INBOX", TestMessages.sized(200 * 1024));
        dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("small two"));
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = create(owner,
            Remote.account(dovecot, Protocol.IMAP, Security.TLS, remoteUser));

        Run run = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(run.outcome()).isEqualTo(Run.Outcome.PARTIAL);
        assertThat(run.messages()).isEqualTo(2);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(CollectionEndToEndTest.inbox(james, owner)).hasSize(2);
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isEqualTo(1);
    }

    @Test
    void connectionCutMidMessageShouldLoseNothingAndDuplicateNothing(GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = newRemoteUser(dovecot);
        for (int i = 0; i < 3; i++) {
            dovecot.deliver(remoteUser, "INBOX", TestMessages.sized(40 * 1024));
        }
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = create(owner, proxied(remoteUser));
        proxy.cutAfterServerBytes(60 * 1024);

        Run cut = Remote.runNow(TestHooks.current(), collector.id());
        proxy.cutAfterServerBytes(Long.MAX_VALUE);
        Run resumed = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(cut.error()).map(Run.Error::code).contains("connection");
        assertThat(cut.messages()).isLessThan(3);
        assertThat(resumed.outcome()).isEqualTo(Run.Outcome.SUCCESS);
        assertThat(cut.messages() + resumed.messages()).isEqualTo(3);
        assertThat(CollectionEndToEndTest.inbox(james, owner)).hasSize(3);
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isZero();
    }

    @Test
    void stalledServerShouldTimeOutAndBackOffWithoutPausing(GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = newRemoteUser(dovecot);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.sized(40 * 1024));
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = create(owner, proxied(remoteUser));
        proxy.stallAfterServerBytes(20 * 1024);

        Instant start = Instant.now();
        Run stalled = Remote.runNow(TestHooks.current(), collector.id());
        Duration took = Duration.between(start, Instant.now());
        proxy.stallAfterServerBytes(Long.MAX_VALUE);
        Collector after = TestHooks.current().stores().collectors().find(collector.id())
            .orElseThrow();

        assertThat(stalled.outcome()).isEqualTo(Run.Outcome.FAILED);
        assertThat(stalled.error()).map(Run.Error::code).contains("timeout");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(after.state()).isEqualTo(CollectorState.ACTIVE);
        assertThat(after.problem().flatMap(Problem::retryAt)).isPresent();
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isEqualTo(1);
    }

    @Test
    void refusedPasswordShouldPauseOnTheSecondRefusalInARow(GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = newRemoteUser(dovecot);
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, Protocol.POP3, Security.STARTTLS, remoteUser),
            "not the password", Retention.fetchAll(), Optional.empty());

        Run first = Remote.runNow(TestHooks.current(), collector.id());
        Collector afterFirst = TestHooks.current().stores().collectors().find(collector.id())
            .orElseThrow();
        Run second = Remote.runNow(TestHooks.current(), collector.id());
        Collector afterSecond = TestHooks.current().stores().collectors().find(collector.id())
            .orElseThrow();

        assertThat(first.error()).map(Run.Error::code).contains("authentication");
        assertThat(afterFirst.state()).isEqualTo(CollectorState.ACTIVE);
        assertThat(second.error()).map(Run.Error::code).contains("authentication");
        assertThat(afterSecond.state()).isEqualTo(CollectorState.PAUSED);
        assertThat(afterSecond.problem()).map(Problem::code).contains("authentication");
    }

    private static String newRemoteUser(DovecotServer dovecot) {
        String user = TestUsers.next("faults");
        dovecot.addUser(user, PASSWORD);
        return user;
    }

    private static RemoteAccount proxied(String remoteUser) {
        return RemoteAccount.pop3("localhost", proxy.port(), Security.TLS, remoteUser);
    }

    private static Collector create(String owner, RemoteAccount account) throws Exception {
        return Remote.create(TestHooks.current(), Username.of(owner), account, PASSWORD,
            Retention.fetchAll(), Optional.empty());
    }
}
