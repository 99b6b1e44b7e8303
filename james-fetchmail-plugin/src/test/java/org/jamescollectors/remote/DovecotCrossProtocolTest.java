package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.LoopbackResolver;
import org.jamescollectors.testing.ServedForm;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks exactness without trusting our model of what Dovecot serves: the same stored message
 * fetched over IMAP and over POP3 must match, apart from the two differences RFC 1939 and RFC
 * 3501 force (POP3 ends every message with CRLF; Dovecot's IMAP cannot send NUL).
 */
class DovecotCrossProtocolTest {
    private static final String PASSWORD = "cross-\u00a7";

    @RegisterExtension
    static DovecotExtension dovecot = new DovecotExtension();

    private static MailSourceConnector connector(DovecotServer server) {
        return new MailSourceConnector(LoopbackResolver.of("localhost"), TargetGuard.allowAll(),
            server.trust(), Timeouts.defaults());
    }

    private static List<byte[]> fetchAll(MailSource source) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (RemoteMessage message : source.messages()) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            source.retrieve(message, sink);
            messages.add(sink.toByteArray());
        }
        return messages;
    }

    @Test
    void retrieveShouldServeTheSameBytesOverImapAndPop3() throws Exception {
        DovecotServer server = dovecot.server();
        String user = TestUsers.next();
        server.addUser(user, PASSWORD);
        List<byte[]> stored = new ArrayList<>(List.of(TestMessages.bareLf(),
            TestMessages.nulBytes(), TestMessages.eightBitHeaders(), TestMessages.longLine(),
            TestMessages.noFinalNewline(), TestMessages.leadingDots()));
        Optional<List<Path>> corpus = TestMessages.corpus();
        if (corpus.isPresent()) {
            for (Path file : corpus.get()) {
                stored.add(Files.readAllBytes(file));
            }
        }
        stored.forEach(message -> server.deliver(user, "INBOX", message));

        List<byte[]> overImap;
        try (MailSource imap = connector(server).open(RemoteAccount.imap("localhost",
            server.port(Protocol.IMAP, Security.TLS), Security.TLS,
            user, Optional.empty()), Password.of(PASSWORD), false)) {
            overImap = fetchAll(imap);
        }
        List<byte[]> overPop3;
        try (MailSource pop3 = connector(server).open(RemoteAccount.pop3("localhost",
            server.port(Protocol.POP3, Security.TLS), Security.TLS,
            user), Password.of(PASSWORD), false)) {
            overPop3 = fetchAll(pop3);
        }

        assertThat(overImap).hasSameSizeAs(stored);
        assertThat(overPop3).hasSameSizeAs(stored);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(ServedForm.replaceNul(overPop3.get(i), (byte) 0x80)).as("message %d", i)
                .isEqualTo(ServedForm.withFinalCrlf(overImap.get(i)));
        }
    }
}
