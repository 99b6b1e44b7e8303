package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.FaultInjectingProxy;
import org.jamescollectors.testing.LoopbackResolver;
import org.jamescollectors.testing.RemoteMailbox;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link MailSource} must do against a real server, whatever the protocol and the
 * security mode. Implemented once per server, protocol and mode.
 */
public interface MailSourceContract {
    String DEFAULT_PASSWORD = "Secret-\u00a7-pw-42";
    Duration SHORT = Duration.ofMillis(800);
    int BIG = 1024 * 1024;

    RemoteMailbox mailbox();

    Protocol protocol();

    Security security();

    default Timeouts timeouts() {
        return Timeouts.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    default MailSourceConnector connector() {
        return connector(Timeouts.defaults());
    }

    default MailSourceConnector connector(Timeouts timeouts) {
        return new MailSourceConnector(LoopbackResolver.of("localhost"), TargetGuard.allowAll(),
            mailbox().trust(), timeouts);
    }

    default RemoteAccount account(String user, String host, int port) {
        if (protocol() == Protocol.IMAP) {
            return RemoteAccount.imap(host, port, security(), user, Optional.empty());
        }
        return RemoteAccount.pop3(host, port, security(), user);
    }

    default RemoteAccount account(String user) {
        return account(user, "localhost", mailbox().port(protocol(), security()));
    }

    default String newUser(String password) {
        String user = TestUsers.next();
        mailbox().addUser(user, password);
        return user;
    }

    default MailSource open(String user, String password) throws RemoteException {
        return connector().open(account(user), Password.of(password), allowPlaintext());
    }

    default boolean allowPlaintext() {
        return security() == Security.NONE;
    }

    static byte[] retrieve(MailSource source, RemoteMessage message) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        source.retrieve(message, sink);
        return sink.toByteArray();
    }

    /** Delivers {@code message} to a new user and fetches it back with our client. */
    default byte[] roundTrip(byte[] message) throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", message);
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            List<RemoteMessage> messages = source.messages();
            assertThat(messages).hasSize(1);
            return retrieve(source, messages.get(0));
        }
    }

    @ParameterizedTest
    @MethodSource("org.jamescollectors.remote.NastyPasswords#all")
    default void openShouldLogInWhenPasswordHasSpecialCharacters(String password)
        throws Exception {
        String user = newUser(password);

        try (MailSource source = open(user, password)) {

            assertThat(source.messages()).isEmpty();
        }
    }

    @Test
    default void openShouldLogInWhenUserNameIsNotAscii() throws Exception {
        String user = TestUsers.next("j\u00f6rg-\u00e9t\u00e9");
        mailbox().addUser(user, DEFAULT_PASSWORD);

        try (MailSource source = open(user, DEFAULT_PASSWORD)) {

            assertThat(source.messages()).isEmpty();
        }
    }

    @Test
    default void openShouldFailWithAuthenticationWhenPasswordIsWrong() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        assertThatThrownBy(() -> open(user, "not-" + DEFAULT_PASSWORD))
            .isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                assertThat(e.userMessage()).doesNotContain(DEFAULT_PASSWORD);
            });
    }

    @Test
    default void messagesShouldBeEmptyWhenFolderIsEmpty() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        try (MailSource source = open(user, DEFAULT_PASSWORD)) {

            assertThat(source.messages()).isEmpty();
        }
    }

    @Test
    default void messagesShouldListMessagesInDeliveryOrderWithStableKeys() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        List<byte[]> sent = List.of(TestMessages.simple("first"), TestMessages.simple("second!"),
            TestMessages.simple("third, longer"));
        sent.forEach(message -> mailbox().deliver(user, "INBOX", message));

        List<String> keys;
        List<byte[]> received = new ArrayList<>();
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            List<RemoteMessage> messages = source.messages();
            keys = messages.stream().map(RemoteMessage::key).collect(Collectors.toList());
            for (RemoteMessage message : messages) {
                received.add(retrieve(source, message));
            }
        }
        List<String> keysAgain;
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            keysAgain = source.messages().stream().map(RemoteMessage::key)
                .collect(Collectors.toList());
        }

        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(keys).doesNotHaveDuplicates().hasSize(3).isEqualTo(keysAgain);
    }

    @Test
    default void messagesShouldReportSizeWhenMessageEndsWithCrlf() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        byte[] message = TestMessages.simple("sized");
        mailbox().deliver(user, "INBOX", message);

        try (MailSource source = open(user, DEFAULT_PASSWORD)) {

            assertThat(source.messages()).extracting(RemoteMessage::size)
                .containsExactly((long) message.length);
        }
    }

    @Test
    default void retrieveShouldKeepBytesWhenBareLf() throws Exception {
        assertServedExactly(TestMessages.bareLf());
    }

    @Test
    default void retrieveShouldKeepBytesWhenNulBytes() throws Exception {
        assertServedExactly(TestMessages.nulBytes());
    }

    @Test
    default void retrieveShouldKeepBytesWhenEightBitHeaders() throws Exception {
        assertServedExactly(TestMessages.eightBitHeaders());
    }

    @Test
    default void retrieveShouldKeepBytesWhenLineIsLongerThan998() throws Exception {
        assertServedExactly(TestMessages.longLine());
    }

    @Test
    default void retrieveShouldKeepBytesWhenNoFinalNewline() throws Exception {
        assertServedExactly(TestMessages.noFinalNewline());
    }

    @Test
    default void retrieveShouldKeepBytesWhenLinesStartWithDots() throws Exception {
        assertServedExactly(TestMessages.leadingDots());
    }

    @Test
    default void retrieveShouldKeepBytesWhenMessageIsLarge() throws Exception {
        assertServedExactly(TestMessages.sized(BIG));
    }

    default void assertServedExactly(byte[] stored) throws Exception {
        byte[] received = roundTrip(stored);

        assertThat(received).isEqualTo(mailbox().served(protocol(), stored));
    }

    @Test
    default void retrieveShouldKeepBytesOfEveryCorpusMessage() throws Exception {
        Optional<List<Path>> corpus = TestMessages.corpus();
        Assumptions.assumeTrue(corpus.isPresent(), "no ../shared/corpus beside the repository");
        String user = newUser(DEFAULT_PASSWORD);
        for (Path file : corpus.get()) {
            mailbox().deliver(user, "INBOX", Files.readAllBytes(file));
        }

        List<String> mismatches = new ArrayList<>();
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            List<RemoteMessage> messages = source.messages();
            assertThat(messages).hasSize(corpus.get().size());
            for (int i = 0; i < messages.size(); i++) {
                byte[] expected = mailbox().served(protocol(),
                    Files.readAllBytes(corpus.get().get(i)));
                if (!Arrays.equals(expected, retrieve(source, messages.get(i)))) {
                    mismatches.add(corpus.get().get(i).getFileName().toString());
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    default void retrieveShouldFailWithTimeoutWithoutTruncatingWhenServerStalls()
        throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.sized(BIG));
        CountingSink sink = new CountingSink();

        try (FaultInjectingProxy proxy = proxy().stallAfterServerBytes(BIG / 4)) {
            MailSource source = openThrough(proxy, user, Timeouts.of(SHORT, SHORT, SHORT));
            RemoteMessage message = source.messages().get(0);
            Instant start = Instant.now();

            assertThatThrownBy(() -> source.retrieve(message, sink))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(sink.count).as("streamed before the stall").isPositive()
                .isLessThan(BIG);
            source.abort();
        }
    }

    @Test
    default void retrieveShouldFailWithoutTruncatingWhenConnectionIsCut() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.sized(BIG));
        CountingSink sink = new CountingSink();

        try (FaultInjectingProxy proxy = proxy().cutAfterServerBytes(BIG / 4)) {
            MailSource source = openThrough(proxy, user, timeouts());
            RemoteMessage message = source.messages().get(0);

            assertThatThrownBy(() -> source.retrieve(message, sink))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isIn(FailureKind.CONNECTION, FailureKind.TIMEOUT));
            assertThat(sink.count).isLessThan(BIG);
            assertThatThrownBy(source::messages).isInstanceOf(RemoteException.class);
            source.abort();
        }
    }

    @Test
    default void openShouldFailWithTimeoutWhenServerNeverAnswers() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stallAfterServerBytes(0)) {
            Instant start = Instant.now();

            assertThatThrownBy(() -> openThrough(proxy, user, Timeouts.of(SHORT, SHORT, SHORT)))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    default void openShouldFailWithConnectionWhenServerHangsUpAtOnce() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        try (FaultInjectingProxy proxy = proxy().cutAfterServerBytes(0)) {

            assertThatThrownBy(() -> openThrough(proxy, user, timeouts()))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isIn(FailureKind.CONNECTION, FailureKind.TLS));
        }
    }

    default FaultInjectingProxy proxy() throws IOException {
        return FaultInjectingProxy.to(mailbox().port(protocol(), security()));
    }

    default MailSource openThrough(FaultInjectingProxy proxy, String user, Timeouts timeouts)
        throws RemoteException {
        return connector(timeouts).open(account(user, "localhost", proxy.port()),
            Password.of(DEFAULT_PASSWORD), allowPlaintext());
    }

    /** Asserts that no form of the password, nor any login command, crossed the proxy. */
    static void assertNoCredentialSent(FaultInjectingProxy proxy, String user, String password) {
        String sent = new String(proxy.clientBytes(), StandardCharsets.ISO_8859_1);
        String utf8Password = new String(password.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);
        String sasl = Base64.getEncoder().encodeToString(
            ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        assertThat(sent).doesNotContain(utf8Password).doesNotContain(sasl)
            .doesNotContainIgnoringCase("PASS ").doesNotContainIgnoringCase("LOGIN ")
            .doesNotContainIgnoringCase("AUTH");
    }

    /** Counts bytes without keeping them. */
    final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
