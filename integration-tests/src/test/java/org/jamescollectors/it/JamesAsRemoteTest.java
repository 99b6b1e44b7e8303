package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.manage.CollectorField;
import org.jamescollectors.manage.CollectorInput;
import org.jamescollectors.manage.RemoteCheck;
import org.jamescollectors.manage.RemoteCheckException;
import org.jamescollectors.manage.SelfLoop;
import org.jamescollectors.testing.TestMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James itself as the remote server: one user's collector collects another user's mailbox of
 * the same James over its own POP3 and IMAP listeners (plain text, allowed for this test only).
 */
class JamesAsRemoteTest {
    private static final int IMAP_PORT = freePort();
    private static final int POP3_PORT = freePort();
    private static final String PASSWORD = "remote-secret";

    @RegisterExtension
    static final JamesServerExtension JAMES = CollectorsJames.perClass(
        JamesAsRemoteTest::settings, JamesAsRemoteTest::listeners);

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void fetchAllShouldMoveTheOtherMailboxIntoTheOwnersInbox(Protocol protocol,
                                                            GuiceJamesServer james)
        throws Exception {
        String remoteUser = remoteUserWith(james, 3);
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            account(protocol, remoteUser), PASSWORD, Retention.fetchAll(), Optional.empty());

        Run first = Remote.runNow(TestHooks.current(), collector.id());
        Run second = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(first.outcome()).as("%s", first.error()).isEqualTo(Run.Outcome.SUCCESS);
        assertThat(first.messages()).isEqualTo(3);
        assertThat(second.messages()).isZero();
        assertThat(CollectionEndToEndTest.inbox(james, owner)).hasSize(3);
        assertThat(CollectionEndToEndTest.inbox(james, remoteUser)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void keepingACopyShouldCollectEachMessageOnce(Protocol protocol, GuiceJamesServer james)
        throws Exception {
        String remoteUser = remoteUserWith(james, 2);
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            account(protocol, remoteUser), PASSWORD, Retention.newOnly(false), Optional.empty());

        Run first = Remote.runNow(TestHooks.current(), collector.id());
        append(james, remoteUser, "one more");
        Run second = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(first.messages()).isEqualTo(2);
        assertThat(second.messages()).isEqualTo(1);
        assertThat(CollectionEndToEndTest.inbox(james, owner)).hasSize(3);
        assertThat(CollectionEndToEndTest.inbox(james, remoteUser)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void validationShouldRefuseTheOwnersOwnMailbox(Protocol protocol, GuiceJamesServer james)
        throws Exception {
        String owner = remoteUserWith(james, 1);
        Username ownerName = Username.of(owner);

        List<RemoteCheckException> refusals = new ArrayList<>();
        for (String login : List.of(owner, owner.toUpperCase(Locale.ROOT),
            ownerName.getLocalPart())) {
            refusals.add(catchThrowableOfType(() -> TestHooks.current().service()
                .create(ownerName, input(protocol, login)), RemoteCheckException.class));
        }

        assertThat(refusals).allSatisfy(refusal -> {
            assertThat(refusal).isNotNull();
            assertThat(refusal.code()).isEqualTo(RemoteCheck.OWN_MAILBOX);
            assertThat(refusal.getMessage()).isEqualTo(SelfLoop.REFUSAL);
        });
        assertThat(TestHooks.current().stores().collectors().listByOwner(ownerName)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void validationShouldAcceptAnotherUsersMailboxOfTheSameServer(Protocol protocol,
                                                                 GuiceJamesServer james)
        throws Exception {
        String remoteUser = remoteUserWith(james, 1);
        Username owner = Username.of(CollectionEndToEndTest.jamesUser(james));

        TestHooks.current().service().create(owner, input(protocol, remoteUser));

        assertThat(TestHooks.current().stores().collectors().listByOwner(owner)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void runShouldRefuseTheOwnersOwnMailboxAtConnectionTime(Protocol protocol,
                                                           GuiceJamesServer james)
        throws Exception {
        String owner = remoteUserWith(james, 2);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            account(protocol, owner), PASSWORD, Retention.fetchAll(), Optional.empty());

        Run run = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(run.outcome()).isNotEqualTo(Run.Outcome.SUCCESS);
        assertThat(run.error()).map(Run.Error::message).contains(SelfLoop.REFUSAL);
        assertThat(CollectionEndToEndTest.inbox(james, owner)).hasSize(2);
    }

    private static CollectorInput input(Protocol protocol, String login) {
        return CollectorInput.builder()
            .string(CollectorField.NAME, "James " + protocol.wireName())
            .string(CollectorField.PROTOCOL, protocol.wireName())
            .string(CollectorField.HOST, "127.0.0.1")
            .integer(CollectorField.PORT, protocol == Protocol.IMAP ? IMAP_PORT : POP3_PORT)
            .string(CollectorField.SECURITY, Security.NONE.wireName())
            .string(CollectorField.USERNAME, login)
            .string(CollectorField.PASSWORD, PASSWORD)
            .build();
    }

    private static RemoteAccount account(Protocol protocol, String remoteUser) {
        int port = protocol == Protocol.IMAP ? IMAP_PORT : POP3_PORT;
        return RemoteAccount.of(protocol, "127.0.0.1", port, Security.NONE, remoteUser,
            Optional.empty());
    }

    private static String remoteUserWith(GuiceJamesServer james, int messages) throws Exception {
        String user = CollectionEndToEndTest.jamesUser(james, PASSWORD);
        james.getProbe(MailboxProbeImpl.class).createMailbox(MailboxPath.inbox(Username.of(user)));
        for (int i = 0; i < messages; i++) {
            append(james, user, "message " + i);
        }
        return user;
    }

    private static void append(GuiceJamesServer james, String user, String subject)
        throws Exception {
        james.getProbe(MailboxProbeImpl.class).appendMessage(user,
            MailboxPath.inbox(Username.of(user)),
            new ByteArrayInputStream(TestMessages.simple(subject)), new Date(), false, new Flags());
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("targets.allowedNetworks", "127.0.0.1/32");
        settings.put("targets.allowedPorts", IMAP_PORT + "," + POP3_PORT);
        settings.put("remote.allowPlaintext", "true");
        settings.put("collection.minimumInterval", "0s");
        return settings;
    }

    private static Map<String, String> listeners() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("imapserver.xml", "<imapservers><imapserver enabled=\"true\">"
            + "<jmxName>imapserver</jmxName><bind>127.0.0.1:" + IMAP_PORT + "</bind>"
            + "<tls socketTLS=\"false\" startTLS=\"false\"/>"
            + "<plainAuthDisallowed>false</plainAuthDisallowed>"
            + "<auth><plainAuthEnabled>true</plainAuthEnabled></auth>"
            + "</imapserver></imapservers>");
        files.put("pop3server.xml", "<pop3servers><pop3server enabled=\"true\">"
            + "<jmxName>pop3server</jmxName><bind>127.0.0.1:" + POP3_PORT + "</bind>"
            + "<tls socketTLS=\"false\" startTLS=\"false\"/>"
            + "<handlerchain>"
            + "<handler class=\"org.apache.james.pop3server.core.CoreCmdHandlerLoader\"/>"
            + "</handlerchain></pop3server></pop3servers>");
        return files;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
