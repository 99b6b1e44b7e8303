package org.jamescollectors.remote.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.remote.TargetGuard;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.remote.TlsTrust;
import org.jamescollectors.testing.LoopbackResolver;
import org.jamescollectors.testing.ScriptedServer;
import org.jamescollectors.testing.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;

/** Odd but legal, and broken, IMAP responses that real servers do not send on demand. */
class ImapWireTest {
    private static final String GREETING = "* OK [CAPABILITY IMAP4rev1 UIDPLUS] scripted";
    private static final String LISTING = "* 1 FETCH (UID 10 RFC822.SIZE 11 FLAGS ())\n";

    /** Logs in, selects (3 messages, UIDVALIDITY 42) and logs out; the rest is the test's. */
    private static ScriptedServer server(BiFunction<String, String, Reply> rest)
        throws Exception {
        return ScriptedServer.start(GREETING, line -> {
            String[] words = line.split(" ", 2);
            String tag = words[0];
            String command = words.length > 1 ? words[1] : "";
            String upper = command.toUpperCase(Locale.ROOT);
            if (upper.startsWith("LOGIN")) {
                return Reply.text(tag + " OK logged in\n");
            }
            if (upper.startsWith("SELECT")) {
                return Reply.text("* 3 exists\n* ok [UIDVALIDITY 42] valid\n"
                    + tag + " ok [READ-WRITE] selected\n");
            }
            if (upper.startsWith("LOGOUT")) {
                return Reply.text("* BYE see you\n" + tag + " OK done\n");
            }
            return rest.apply(tag, command);
        });
    }

    private static MailSource open(ScriptedServer server) throws Exception {
        Duration second = Duration.ofSeconds(1);
        MailSourceConnector connector = new MailSourceConnector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll(), TlsTrust.systemDefault(), Timeouts.of(second, second, second));
        return connector.open(RemoteAccount.imap("localhost", server.port(), Security.NONE,
            "user", Optional.empty()), Password.of("pw"), true);
    }

    private static Reply listingOr(String tag, String command, String fetchBody) {
        if (command.contains("BODY.PEEK[]")) {
            return Reply.text(fetchBody.replace("{tag}", tag));
        }
        return Reply.text(LISTING + tag + " OK listed\n");
    }

    @Test
    void messagesShouldMergeResponsesWhenServerInterleavesUnsolicitedData() throws Exception {
        String listing = "* 1 FETCH (RFC822.SIZE 100 UID 10 FLAGS (\\Seen)"
            + " INTERNALDATE \" 7-Jul-2024 02:44:25 -0700\")\n"
            + "* OK [ALERT] maintenance tonight\n"
            + "* 2 FETCH (UID 11 RFC822.SIZE 150 FLAGS ())\n"
            + "* 4 EXISTS\n"
            + "* 2 EXPUNGE\n"
            + "* 2 fetch (flags (\\Recent) internaldate {26}\n17-Jul-2024 02:44:25 +0000"
            + " uid 12 rfc822.size 300)\n"
            + "* FLAGS (\\Seen \\Deleted)\n"
            + "* 2 FETCH (FLAGS (\\Seen))\n";
        try (ScriptedServer server = server((tag, command) ->
            Reply.text(listing + tag + " OK listed\n"))) {
            MailSource source = open(server);

            List<RemoteMessage> messages = source.messages();

            assertThat(messages).containsExactly(
                RemoteMessage.imap(42, 10, 100, true,
                    Optional.of(Instant.parse("2024-07-07T09:44:25Z"))),
                RemoteMessage.imap(42, 12, 300, true,
                    Optional.of(Instant.parse("2024-07-17T02:44:25Z"))));
            source.close();
        }
    }

    @Test
    void retrieveShouldStreamBodyWhenItComesBeforeUid() throws Exception {
        try (ScriptedServer server = server((tag, command) -> listingOr(tag, command,
            "* 1 FETCH (BODY[] {12}\nhello\nworld FLAGS (\\Seen) UID 10)\n{tag} OK done\n"))) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();

            source.retrieve(message, sink);

            assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("hello\r\nworld");
            assertThat(server.received()).anyMatch(line -> line.endsWith("UID FETCH 10"
                + " (BODY.PEEK[])"));
        }
    }

    @Test
    void retrieveShouldWriteBodyWhenServerSendsQuotedString() throws Exception {
        try (ScriptedServer server = server((tag, command) -> listingOr(tag, command,
            "* 1 FETCH (UID 10 BODY[] \"say \\\"hi\\\" \\\\o/\")\n{tag} OK done\n"))) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();

            source.retrieve(message, sink);

            assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("say \"hi\" \\o/");
        }
    }

    @Test
    void retrieveShouldFailWithoutTruncatingWhenLiteralIsCut() throws Exception {
        try (ScriptedServer server = server((tag, command) -> command.contains("BODY.PEEK")
            ? Reply.thenHangUp(ScriptedServer.crlf("* 1 FETCH (UID 10 BODY[] {100}\n"
                + "x".repeat(50)))
            : Reply.text(LISTING + tag + " OK listed\n"))) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();

            assertThatThrownBy(() -> source.retrieve(message, sink))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
            assertThat(sink.size()).isEqualTo(50);
            assertThatThrownBy(source::messages).isInstanceOf(RemoteException.class);
        }
    }

    @Test
    void retrieveShouldFailWithProtocolWhenAnotherMessageAnswers() throws Exception {
        try (ScriptedServer server = server((tag, command) -> listingOr(tag, command,
            "* 1 FETCH (UID 99 BODY[] {2}\nhi)\n{tag} OK done\n"))) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);

            assertThatThrownBy(() -> source.retrieve(message, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void retrieveShouldFailButKeepSessionWhenMessageIsGone() throws Exception {
        try (ScriptedServer server = server((tag, command) -> listingOr(tag, command,
            "{tag} OK nothing to fetch\n"))) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);

            assertThatThrownBy(() -> source.retrieve(message, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
            assertThat(source.messages()).containsExactly(message);
        }
    }

    @Test
    void openShouldFailWithProtocolWhenSelectGivesNoUidValidity() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(GREETING, line -> {
            String tag = line.split(" ")[0];
            if (line.contains("SELECT")) {
                return Reply.text("* 1 EXISTS\n" + tag + " OK selected\n");
            }
            return Reply.text(tag + " OK\n");
        })) {

            assertThatThrownBy(() -> open(server))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void openShouldFailWithProtocolWhenServerSpeaksSomethingElse() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("220 smtp.example ESMTP",
            line -> Reply.nothing())) {

            assertThatThrownBy(() -> open(server))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void openShouldFailWithThrottledWhenGreetingIsByeUnavailable() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
            "* BYE [UNAVAILABLE] too many connections", line -> Reply.nothing())) {

            assertThatThrownBy(() -> open(server))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.THROTTLED));
        }
    }

    @Test
    void openShouldRefuseBytesSentInClearAfterTheStartTlsReply() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(
            "* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] scripted", line -> {
                String tag = line.split(" ")[0];
                return Reply.text(tag + " OK begin TLS now\n* CAPABILITY IMAP4rev1\n");
            })) {
            Duration second = Duration.ofSeconds(1);
            MailSourceConnector connector = new MailSourceConnector(
                LoopbackResolver.of("localhost"), TargetGuard.allowAll(), TlsTrust.systemDefault(),
                Timeouts.of(second, second, second));
            RemoteAccount account = RemoteAccount.imap("localhost", server.port(),
                Security.STARTTLS, "user", Optional.empty());

            assertThatThrownBy(() -> connector.open(account, Password.of("pw"), false))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
            assertThat(server.received()).containsExactly("c1 STARTTLS");
        }
    }

    @Test
    void messagesShouldFailWithProtocolWhenServerAnnouncesAHugeLiteral() throws Exception {
        try (ScriptedServer server = server((tag, command) ->
            Reply.text("* 1 FETCH (UID 10 RFC822.SIZE 5 X-JUNK {20000000}\n"))) {
            MailSource source = open(server);

            assertThatThrownBy(source::messages)
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }
}
