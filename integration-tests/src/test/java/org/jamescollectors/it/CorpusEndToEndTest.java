package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message of the shared corpus, collected from Dovecot into James, arrives as Dovecot
 * served it: the same bytes once our trace header and Delivered-To are taken off the top and line
 * endings are compared as the mail store keeps them.
 */
class CorpusEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES =
        CollectorsJames.perClass(() -> Remote.settingsFor(DOVECOT.server()));

    private static final String PASSWORD = "corpus";
    private static final Path REPORT = Paths.get("target", "corpus-collection.md");

    @BeforeAll
    static void startTheReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT,
            "| protocol | messages on Dovecot | collected | in the James inbox"
            + " | not byte-identical |\n|---|---|---|---|---|\n");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void everyCorpusMessageShouldArriveByteForByte(Protocol protocol, GuiceJamesServer james)
        throws Exception {
        Optional<List<Path>> corpus = TestMessages.corpus();
        Assumptions.assumeTrue(corpus.isPresent(),
            "../shared/corpus is absent: nothing to compare");
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("corpus");
        dovecot.addUser(remoteUser, PASSWORD);
        List<byte[]> originals = new ArrayList<>();
        for (Path file : corpus.get()) {
            byte[] bytes = Files.readAllBytes(file);
            originals.add(bytes);
            dovecot.deliver(remoteUser, "INBOX", bytes);
        }
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, protocol, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.empty());

        Run run = Remote.runNow(TestHooks.current(), collector.id());

        List<MailboxContentProbe.StoredMessage> stored = CollectionEndToEndTest.inbox(james, owner);
        // Messages sharing the pipeline may be stored in another order: match them by content.
        List<byte[]> unmatched = new ArrayList<>();
        stored.forEach(message -> unmatched.add(lf(withoutOurHeaders(message.content()))));
        List<String> different = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            byte[] served = lf(dovecot.served(protocol, originals.get(i)));
            if (!unmatched.removeIf(new SameBytesOnce(served))) {
                different.add(corpus.get().get(i).getFileName().toString());
            }
        }
        report(protocol, originals.size(), run, stored.size(), different);
        assertThat(run.outcome()).isEqualTo(Run.Outcome.SUCCESS);
        assertThat(run.messages()).isEqualTo(originals.size());
        assertThat(stored).hasSize(originals.size());
        assertThat(different).isEmpty();
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isZero();
    }

    /**
     * Drops what delivery put on top: our Received field, and the Delivered-To in front of it when
     * there is one (folded lines included). A Delivered-To of the original message stays.
     */
    static byte[] withoutOurHeaders(byte[] message) {
        int offset = 0;
        if (startsWith(message, 0, "Delivered-To:")) {
            int next = endOfField(message, 0);
            if (isOurReceived(message, next)) {
                offset = next;
            }
        }
        if (isOurReceived(message, offset)) {
            offset = endOfField(message, offset);
        }
        return Arrays.copyOfRange(message, offset, message.length);
    }

    private static boolean isOurReceived(byte[] message, int offset) {
        return startsWith(message, offset, "Received:")
            && fieldText(message, offset).contains("(James Mail Collectors)");
    }

    private static boolean startsWith(byte[] message, int offset, String prefix) {
        return message.length - offset >= prefix.length()
            && new String(message, offset, prefix.length(), StandardCharsets.ISO_8859_1)
                .equals(prefix);
    }

    private static String fieldText(byte[] message, int start) {
        return new String(message, start, endOfField(message, start) - start,
            StandardCharsets.ISO_8859_1);
    }

    private static int endOfField(byte[] message, int start) {
        int position = start;
        while (position < message.length) {
            int lineEnd = position;
            while (lineEnd < message.length && message[lineEnd] != '\n') {
                lineEnd++;
            }
            position = Math.min(lineEnd + 1, message.length);
            if (position >= message.length
                || (message[position] != ' ' && message[position] != '\t')) {
                return position;
            }
        }
        return position;
    }

    /** CRLF to LF: the mail store may keep either. */
    static byte[] lf(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        int length = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                continue;
            }
            out[length++] = bytes[i];
        }
        return Arrays.copyOf(out, length);
    }

    private static void report(Protocol protocol, int remote, Run run, int stored,
                               List<String> different) throws IOException {
        String line = String.format("| %s | %d | %d | %d | %d |%n", protocol, remote,
            run.messages(), stored, different.size());
        Files.writeString(REPORT, line, StandardOpenOption.APPEND);
        System.out.print(line);
    }

    /** Matches the first array with the same bytes, once: duplicates must be stored twice. */
    private static final class SameBytesOnce implements Predicate<byte[]> {
        private final byte[] expected;
        private boolean matched;

        SameBytesOnce(byte[] expected) {
            this.expected = expected;
        }

        @Override
        public boolean test(byte[] candidate) {
            if (matched || !Arrays.equals(candidate, expected)) {
                return false;
            }
            matched = true;
            return true;
        }
    }
}
