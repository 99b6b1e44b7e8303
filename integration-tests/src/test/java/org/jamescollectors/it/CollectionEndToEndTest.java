package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.modules.protocols.SieveProbeImpl;
import org.apache.james.utils.DataProbeImpl;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A James memory server with the plugin collects from a real Dovecot over POP3 and IMAP in every
 * security mode, through the mailet pipeline we ship.
 */
class CollectionEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES =
        CollectorsJames.perClass(() -> Remote.settingsFor(DOVECOT.server()));

    private static final String PASSWORD = "pa\"ss (§ €) wörd\\";

    @ParameterizedTest
    @CsvSource({"POP3,TLS", "POP3,STARTTLS", "IMAP,TLS", "IMAP,STARTTLS"})
    void fetchAllShouldMoveEveryMessageIntoTheInboxExactlyOnce(Protocol protocol, Security security,
                                                              GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = remoteUserWith(dovecot, 3);
        String owner = jamesUser(james);

        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, protocol, security, remoteUser), PASSWORD, Retention.fetchAll(),
            Optional.empty());
        Run first = Remote.runNow(TestHooks.current(), collector.id());
        Run second = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(first.outcome()).isEqualTo(Run.Outcome.SUCCESS);
        assertThat(first.messages()).isEqualTo(3);
        assertThat(second.messages()).isZero();
        assertThat(inbox(james, owner)).hasSize(3);
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"POP3", "IMAP"})
    void keepingACopyShouldLeaveTheRemoteUntouchedAndCollectNothingTwice(Protocol protocol,
                                                                        GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = remoteUserWith(dovecot, 2);
        String owner = jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, protocol, Security.TLS, remoteUser), PASSWORD,
            Retention.newOnly(false), Optional.empty());

        Run first = Remote.runNow(TestHooks.current(), collector.id());
        dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("third"));
        Run second = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(first.messages()).isEqualTo(2);
        assertThat(second.messages()).isEqualTo(1);
        assertThat(inbox(james, owner)).hasSize(3);
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isEqualTo(3);
        if (protocol == Protocol.IMAP) {
            assertThat(dovecot.seenCount(remoteUser, "INBOX")).isZero();
        }
    }

    @Test
    void sieveFiltersShouldApplyWhenNoTargetFolderIsSet(GuiceJamesServer james) throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("sieve");
        dovecot.addUser(remoteUser, PASSWORD);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("[list] hello"));
        String owner = jamesUser(james);
        james.getProbe(SieveProbeImpl.class).addActiveSieveScript(owner, "filters",
            "require \"fileinto\";\r\nif header :contains \"subject\" \"[list]\" {\r\n"
                + "  fileinto \"Lists\";\r\n}\r\n");
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, Protocol.IMAP, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.empty());

        Run run = Remote.runNow(TestHooks.current(), collector.id());

        Map<String, Integer> counts = probe(james).counts(owner);
        assertThat(run.messages()).isEqualTo(1);
        assertThat(counts).containsEntry("Lists", 1);
        assertThat(counts.getOrDefault("INBOX", 0)).isZero();
    }

    @Test
    void existingTargetFolderShouldReceiveTheMailWithoutSieve(GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("target");
        dovecot.addUser(remoteUser, PASSWORD);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("[list] for the folder"));
        String owner = jamesUser(james);
        probe(james).createFolder(owner, "Remote");
        james.getProbe(SieveProbeImpl.class).addActiveSieveScript(owner, "filters",
            "require \"fileinto\";\r\nfileinto \"Lists\";\r\n");
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, Protocol.POP3, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.of("Remote"));

        Remote.runNow(TestHooks.current(), collector.id());

        assertThat(probe(james).counts(owner)).containsEntry("Remote", 1)
            .doesNotContainKey("Lists");
    }

    @Test
    void missingTargetFolderShouldMeanTheInboxThroughSieve(GuiceJamesServer james)
        throws Exception {
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("missing");
        dovecot.addUser(remoteUser, PASSWORD);
        dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("plain"));
        String owner = jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, Protocol.IMAP, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.of("Typo"));

        Remote.runNow(TestHooks.current(), collector.id());

        assertThat(probe(james).counts(owner)).containsEntry("INBOX", 1).doesNotContainKey("Typo");
    }

    private static String remoteUserWith(DovecotServer dovecot, int messages) {
        String user = TestUsers.next("remote");
        dovecot.addUser(user, PASSWORD);
        for (int i = 0; i < messages; i++) {
            dovecot.deliver(user, "INBOX", TestMessages.simple("message " + i));
        }
        return user;
    }

    static String jamesUser(GuiceJamesServer james) throws Exception {
        String user = TestUsers.next("owner").replace("@remote.test", "@" + CollectorsJames.DOMAIN);
        james.getProbe(DataProbeImpl.class).addUser(user, "secret");
        return user;
    }

    static List<MailboxContentProbe.StoredMessage> inbox(GuiceJamesServer james, String owner)
        throws Exception {
        return probe(james).messages(owner, "INBOX");
    }

    static MailboxContentProbe probe(GuiceJamesServer james) {
        return james.getProbe(MailboxContentProbe.class);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
