package org.jamescollectors.remote.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

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

/** POP3 replies that real servers do not send on demand: odd byte-stuffing, broken endings. */
class Pop3WireTest {
    private static final String LISTINGS = "UIDL|+OK\n1 uid-one\n.\n|LIST|+OK\n1 20\n.\n";

    private static ScriptedServer server(String retrReply, boolean hangUp) throws Exception {
        return ScriptedServer.start("+OK scripted", line -> {
            if (line.equals("CAPA")) {
                return Reply.text("-ERR no CAPA here\n");
            }
            if (line.startsWith("RETR")) {
                byte[] bytes = retrReply.getBytes(StandardCharsets.ISO_8859_1);
                return hangUp ? Reply.thenHangUp(bytes) : Reply.bytes(bytes);
            }
            return listings().apply(line);
        });
    }

    private static Function<String, Reply> listings() {
        return line -> {
            String[] parts = LISTINGS.split("\\|");
            for (int i = 0; i < parts.length; i += 2) {
                if (line.equals(parts[i])) {
                    return Reply.text(parts[i + 1]);
                }
            }
            return Reply.text("+OK\n");
        };
    }

    private static MailSource open(ScriptedServer server) throws Exception {
        Duration second = Duration.ofSeconds(1);
        return new MailSourceConnector(LoopbackResolver.of("localhost"), TargetGuard.allowAll(),
            TlsTrust.systemDefault(), Timeouts.of(second, second, second))
            .open(RemoteAccount.pop3("localhost", server.port(), Security.NONE, "user"),
                Password.of("pw"), true);
    }

    @Test
    void retrieveShouldUndoStuffingAndKeepBareCarriageReturns() throws Exception {
        try (ScriptedServer server = server("+OK\r\n..a\r\nb\rc\r\n.\rx\r\n.\r\n", false)) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();

            source.retrieve(message, sink);

            assertThat(sink.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo(".a\r\nb\rc\r\n\rx\r\n");
            assertThat(server.received()).contains("USER user", "PASS pw", "RETR 1");
        }
    }

    @Test
    void retrieveShouldTreatDotAfterBareLfAsContent() throws Exception {
        try (ScriptedServer server = server("+OK\r\na\n.\r\nb\r\n.\r\n", false)) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();

            source.retrieve(message, sink);

            assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo("a\n.\r\nb\r\n");
        }
    }

    @Test
    void retrieveShouldFailWithoutTruncatingWhenTerminatingDotIsMissing() throws Exception {
        try (ScriptedServer server = server("+OK\r\nsome data\r\nand more", true)) {
            MailSource source = open(server);
            RemoteMessage message = source.messages().get(0);

            assertThatThrownBy(() -> source.retrieve(message, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
            assertThatThrownBy(source::messages).isInstanceOf(RemoteException.class);
        }
    }

    @Test
    void openShouldFailWithThrottledWhenGreetingSaysInUse() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("-ERR [IN-USE] mailbox locked",
            line -> Reply.nothing())) {

            assertThatThrownBy(() -> open(server))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.THROTTLED));
        }
    }

    @Test
    void messagesShouldFailWithProtocolWhenUidlsRepeat() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("+OK scripted", line -> {
            if (line.equals("UIDL")) {
                return Reply.text("+OK\n1 same\n2 same\n.\n");
            }
            return Reply.text(line.equals("CAPA") ? "-ERR\n" : "+OK\n");
        })) {
            MailSource source = open(server);

            assertThatThrownBy(source::messages)
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void openShouldFailWithProtocolWhenServerSpeaksSomethingElse() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("* OK IMAP4rev1 ready",
            line -> Reply.nothing())) {

            assertThatThrownBy(() -> open(server))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL));
        }
    }

    @Test
    void openShouldRefuseBytesSentInClearAfterTheStlsReply() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("+OK scripted", line -> {
            if (line.equals("CAPA")) {
                return Reply.text("+OK\nSTLS\nUIDL\n.\n");
            }
            return Reply.text("+OK go ahead\n+OK injected\n");
        })) {
            Duration second = Duration.ofSeconds(1);
            MailSourceConnector connector = new MailSourceConnector(
                LoopbackResolver.of("localhost"), TargetGuard.allowAll(), TlsTrust.systemDefault(),
                Timeouts.of(second, second, second));

            assertThatThrownBy(() -> connector.open(RemoteAccount.pop3("localhost", server.port(),
                Security.STARTTLS, "user"), Password.of("pw"), false))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
            assertThat(server.received()).containsExactly("CAPA", "STLS");
        }
    }
}
