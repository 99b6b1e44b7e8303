package org.jamescollectors.remote.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.MailSourceContract;
import org.jamescollectors.remote.NastyPasswords;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.remote.TargetGuard;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.testing.BigMessage;
import org.jamescollectors.testing.DigestingSink;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.FaultInjectingProxy;
import org.jamescollectors.testing.LoopbackResolver;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IMAP variants Dovecot does not show by itself (other login paths, refusals, PREAUTH), made
 * by a proxy that rewrites its capabilities or answers for it, on the plaintext port.
 */
class DovecotImapDialectTest {
    private static final String PASSWORD = "S\u00e9cret \"q\" \\ (p)";

    @RegisterExtension
    static DovecotExtension dovecot = new DovecotExtension();

    private static DovecotServer server() {
        return dovecot.server();
    }

    private static String newUser(String password) {
        String user = TestUsers.next();
        server().addUser(user, password);
        return user;
    }

    private static FaultInjectingProxy proxy() throws Exception {
        return FaultInjectingProxy.to(server().port(Protocol.IMAP, Security.NONE));
    }

    private static MailSource open(FaultInjectingProxy proxy, String user, String password,
                                   Security security) throws RemoteException {
        MailSourceConnector connector = new MailSourceConnector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll(), server().trust(), Timeouts.defaults());
        RemoteAccount account = RemoteAccount.imap("localhost", proxy.port(), security, user,
            Optional.empty());
        return connector.open(account, Password.of(password), true);
    }

    private static MailSource openDirectly(String user, String password) throws Exception {
        MailSourceConnector connector = new MailSourceConnector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll(), server().trust(), Timeouts.defaults());
        RemoteAccount account = RemoteAccount.imap("localhost",
            server().port(Protocol.IMAP, Security.TLS), Security.TLS, user, Optional.empty());
        return connector.open(account, Password.of(password), false);
    }

    private static String sent(FaultInjectingProxy proxy) {
        return new String(proxy.clientBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void openShouldLogInWithNonSynchronizingLiteralsWhenAuthPlainIsNotOffered()
        throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("AUTH=PLAIN")) {
            open(proxy, user, PASSWORD, Security.NONE).close();

            int length = PASSWORD.getBytes(StandardCharsets.UTF_8).length;
            assertThat(sent(proxy)).contains(" LOGIN \"" + user + "\" {" + length + "+}\r\n"
                + PASSWORD + "\r\n");
        }
    }

    @Test
    void openShouldSendTwoLiteralsWhenUserAndPasswordAreNotAscii() throws Exception {
        String user = TestUsers.next("\u00e9l\u00e8ve");
        server().addUser(user, PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("AUTH=PLAIN")
            .stripCapability("LITERAL+")) {
            open(proxy, user, PASSWORD, Security.NONE).close();

            int userLength = user.getBytes(StandardCharsets.UTF_8).length;
            int passwordLength = PASSWORD.getBytes(StandardCharsets.UTF_8).length;
            assertThat(sent(proxy)).contains(" LOGIN {" + userLength + "}\r\n" + user + " {"
                + passwordLength + "}\r\n" + PASSWORD + "\r\n");
        }
    }

    @Test
    void openShouldWaitForContinuationWhenLiteralPlusIsNotOffered() throws Exception {
        String user = newUser(NastyPasswords.long200());

        try (FaultInjectingProxy proxy = proxy().stripCapability("AUTH=PLAIN")
            .stripCapability("LITERAL+")) {
            open(proxy, user, NastyPasswords.long200(), Security.NONE).close();

            int length = NastyPasswords.long200().getBytes(StandardCharsets.UTF_8).length;
            assertThat(sent(proxy)).contains("{" + length + "}\r\n").doesNotContain("+}");
        }
    }

    @Test
    void openShouldQuoteUserAndPasswordWhenTheyArePlainAscii() throws Exception {
        String password = "plain ascii (with) spaces";
        String user = newUser(password);

        try (FaultInjectingProxy proxy = proxy().stripCapability("AUTH=PLAIN")) {
            open(proxy, user, password, Security.NONE).close();

            assertThat(sent(proxy)).contains(" LOGIN \"" + user + "\" \"" + password + "\"\r\n");
        }
    }

    @Test
    void openShouldSendInitialResponseWhenSaslIrIsOffered() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy()) {
            open(proxy, user, PASSWORD, Security.NONE).close();

            assertThat(sent(proxy)).contains(" AUTHENTICATE PLAIN " + saslPlain(user, PASSWORD)
                + "\r\n");
        }
    }

    @Test
    void openShouldAnswerTheContinuationWhenSaslIrIsNotOffered() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("SASL-IR")) {
            open(proxy, user, PASSWORD, Security.NONE).close();

            assertThat(sent(proxy)).contains(" AUTHENTICATE PLAIN\r\n"
                + saslPlain(user, PASSWORD) + "\r\n");
        }
    }

    private static String saslPlain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
            .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void openShouldFailWithTlsWithoutCredentialsWhenLoginIsDisabledInPlaintext()
        throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().rewriteServerLines(line ->
            line.replace("AUTH=PLAIN", "LOGINDISABLED"))) {

            assertThatThrownBy(() -> open(proxy, user, PASSWORD, Security.NONE))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
            MailSourceContract.assertNoCredentialSent(proxy, user, PASSWORD);
        }
    }

    @Test
    void openShouldFailWithTlsWithoutCredentialsWhenServerPreauthenticatesBeforeStartTls()
        throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().rewriteServerLines(line ->
            line.replaceFirst("^\\* OK ", "* PREAUTH "))) {

            assertThatThrownBy(() -> open(proxy, user, PASSWORD, Security.STARTTLS))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
            MailSourceContract.assertNoCredentialSent(proxy, user, PASSWORD);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNAVAILABLE", "LIMIT", "INUSE"})
    void openShouldFailWithThrottledWhenLoginIsRefusedForNow(String code) throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().answer("AUTHENTICATE",
            "{tag} NO [" + code + "] come back later")) {

            assertThatThrownBy(() -> open(proxy, user, PASSWORD, Security.NONE))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.THROTTLED));
        }
    }

    @Test
    void openShouldHideThePasswordWhenServerEchoesIt() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("AUTH=PLAIN")
            .stripCapability("LITERAL+").answer("LOGIN", "{tag} NO you sent " + PASSWORD)) {

            assertThatThrownBy(() -> open(proxy, user, PASSWORD, Security.NONE))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                    assertThat(e.userMessage()).doesNotContain(PASSWORD).contains("[hidden]");
                });
        }
    }

    @Test
    void messagesShouldNotFetchWhenFolderIsEmpty() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy()) {
            try (MailSource source = open(proxy, user, PASSWORD, Security.NONE)) {
                assertThat(source.messages()).isEmpty();
            }

            assertThat(sent(proxy)).doesNotContain("FETCH");
        }
    }

    @Test
    void deleteShouldExpungeOnlyTheseUidsWhenUidPlusIsOffered() throws Exception {
        String user = newUser(PASSWORD);
        for (String subject : List.of("a", "b", "c")) {
            server().deliver(user, "INBOX", TestMessages.simple(subject));
        }

        try (FaultInjectingProxy proxy = proxy()) {
            try (MailSource source = open(proxy, user, PASSWORD, Security.NONE)) {
                List<RemoteMessage> messages = source.messages();
                source.delete(List.of(messages.get(0), messages.get(1)));
            }

            assertThat(sent(proxy)).contains(" UID STORE 1:2 +FLAGS.SILENT (\\Deleted)\r\n")
                .contains(" UID EXPUNGE 1:2\r\n");
        }
        assertThat(server().messageCount(user, "INBOX")).isEqualTo(1);
    }

    @Test
    void deleteShouldExpungeWhenUidPlusIsNotOffered() throws Exception {
        String user = newUser(PASSWORD);
        for (String subject : List.of("a", "b")) {
            server().deliver(user, "INBOX", TestMessages.simple(subject));
        }

        try (FaultInjectingProxy proxy = proxy().stripCapability("UIDPLUS")) {
            try (MailSource source = open(proxy, user, PASSWORD, Security.NONE)) {
                source.delete(source.messages().subList(0, 1));
            }

            assertThat(sent(proxy)).contains(" EXPUNGE\r\n").doesNotContain("UID EXPUNGE");
        }
        assertThat(server().messageCount(user, "INBOX")).isEqualTo(1);
    }

    @Test
    void retrieveShouldStreamFiftyMebibytesInBoundedMemory() throws Exception {
        String user = newUser(PASSWORD);
        BigMessage big = BigMessage.write(server().scratch().resolve(user + ".eml"),
            50L * 1024 * 1024);
        server().deliver(user, "INBOX", big.file());
        DigestingSink sink = new DigestingSink();
        Runtime runtime = Runtime.getRuntime();

        // Straight to Dovecot: the proxy's own copies would count as heap growth.
        try (MailSource source = openDirectly(user, PASSWORD)) {
            RemoteMessage message = source.messages().get(0);
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();

            source.retrieve(message, sink);

            assertThat(sink.count()).isEqualTo(big.size());
            assertThat(sink.digest()).isEqualTo(big.sha256());
            assertThat(sink.peakHeap() - before).as("heap growth while streaming")
                .isLessThan(32L * 1024 * 1024);
        }
    }
}
