package org.jamescollectors.remote.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * POP3 variants Dovecot does not show by itself (USER/PASS, refusals, no UIDL, a failed QUIT),
 * made by a proxy that rewrites its capabilities or answers for it, on the plaintext port.
 */
class DovecotPop3DialectTest {
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
        return FaultInjectingProxy.to(server().port(Protocol.POP3, Security.NONE));
    }

    private static MailSource open(int port, Security security, String user, String password)
        throws RemoteException {
        MailSourceConnector connector = new MailSourceConnector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll(), server().trust(), Timeouts.defaults());
        return connector.open(RemoteAccount.pop3("localhost", port, security, user),
            Password.of(password), true);
    }

    private static MailSource open(FaultInjectingProxy proxy, String user, String password)
        throws RemoteException {
        return open(proxy.port(), Security.NONE, user, password);
    }

    private static String sent(FaultInjectingProxy proxy) {
        return new String(proxy.clientBytes(), StandardCharsets.UTF_8);
    }

    private static String saslPlain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
            .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void openShouldSendCapaThenAuthPlainWithInitialResponseWhenItFits() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy()) {
            open(proxy, user, PASSWORD).close();

            assertThat(sent(proxy)).startsWith("CAPA\r\nAUTH PLAIN " + saslPlain(user, PASSWORD)
                + "\r\n");
        }
    }

    @Test
    void openShouldAnswerTheChallengeWhenAuthPlainWouldExceed255Octets() throws Exception {
        String password = NastyPasswords.long200();
        String user = newUser(password);

        try (FaultInjectingProxy proxy = proxy()) {
            open(proxy, user, password).close();

            assertThat(sent(proxy)).contains("AUTH PLAIN\r\n" + saslPlain(user, password)
                + "\r\n");
        }
    }

    @Test
    void openShouldSendUtf8UserAndPassWhenSaslPlainIsNotOffered() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("SASL")) {
            open(proxy, user, PASSWORD).close();

            assertThat(sent(proxy)).contains("USER " + user + "\r\nPASS " + PASSWORD + "\r\n")
                .doesNotContain("AUTH");
        }
    }

    @Test
    void openShouldSendUtf8UserNameWhenItIsNotAscii() throws Exception {
        String user = TestUsers.next("\u00e9l\u00e8ve");
        server().addUser(user, PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("SASL")) {
            open(proxy, user, PASSWORD).close();

            assertThat(proxy.clientBytes()).containsSequence(
                ("USER " + user + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "[IN-USE] mailbox locked, THROTTLED",
        "[LOGIN-DELAY] wait 15 minutes, THROTTLED",
        "[SYS/TEMP] try again, THROTTLED",
        "[AUTH] invalid credentials, AUTHENTICATION",
        "no such user, AUTHENTICATION"
    })
    void openShouldClassifyTheRefusalWhenLoginFails(String reply, FailureKind expected)
        throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().answer("AUTH", "-ERR " + reply)) {

            assertThatThrownBy(() -> open(proxy, user, PASSWORD))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(expected));
        }
    }

    @Test
    void openShouldHideThePasswordWhenServerEchoesIt() throws Exception {
        String user = newUser(PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability("SASL")
            .answer("PASS", "-ERR [AUTH] wrong password " + PASSWORD)) {

            assertThatThrownBy(() -> open(proxy, user, PASSWORD))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                    assertThat(e.userMessage()).doesNotContain(PASSWORD);
                });
        }
    }

    @Test
    void messagesShouldFailWithProtocolWhenServerHasNoUidl() throws Exception {
        String user = newUser(PASSWORD);
        server().deliver(user, "INBOX", TestMessages.simple("no uidl"));

        try (FaultInjectingProxy proxy = proxy().answer("UIDL", "-ERR unknown command");
             MailSource source = open(proxy, user, PASSWORD)) {

            assertThatThrownBy(source::messages)
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                    assertThat(e.userMessage()).contains("cannot be used safely");
                });
        }
    }

    @Test
    void closeShouldFailWhenServerCannotCommitDeletions() throws Exception {
        String user = newUser(PASSWORD);
        server().deliver(user, "INBOX", TestMessages.simple("stays"));

        try (FaultInjectingProxy proxy = proxy().answer("QUIT",
            "-ERR some deleted messages not removed")) {
            MailSource source = open(proxy, user, PASSWORD);
            source.delete(source.messages());

            assertThatThrownBy(source::close)
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void closeShouldFailWhenConnectionWasLostWithDeletionsPending() throws Exception {
        String user = newUser(PASSWORD);
        server().deliver(user, "INBOX", TestMessages.simple("stays too"));
        MailSource source;
        try (FaultInjectingProxy proxy = proxy()) {
            source = open(proxy, user, PASSWORD);
            source.delete(source.messages());
        }

        assertThatThrownBy(source::close)
            .isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
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
        try (MailSource source = open(server().port(Protocol.POP3, Security.TLS), Security.TLS,
            user, PASSWORD)) {
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
