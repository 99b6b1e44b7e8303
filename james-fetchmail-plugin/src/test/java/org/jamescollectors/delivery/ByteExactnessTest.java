package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.modules.protocols.SieveProbeImpl;
import org.apache.james.utils.DataProbeImpl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the owner's mailbox holds is the remote bytes, with only our trace header and the
 * pipeline's {@code Delivered-To} in front, up to the line endings the mail store normalises.
 */
class ByteExactnessTest {
    @RegisterExtension
    static JamesServerExtension james = DeliveryJames.server("james-delivery");

    @TempDir
    Path downloads;

    private GuiceJamesServer server;
    private DeliveryProbe probe;
    private Username owner;

    @BeforeEach
    void setUp(GuiceJamesServer server) throws Exception {
        this.server = server;
        this.probe = server.getProbe(DeliveryProbe.class);
        this.owner = freshOwner();
    }

    static Stream<Arguments> awkwardMessages() {
        return Stream.of(
            Arguments.of("raw 8-bit and invalid UTF-8 headers", "From: J\u00fcrgen <j@remote.test>"
                + "\r\nSubject: caf\u00e9 na\u00efve \u00c3\u00a9t\u00c3\u00a9"
                + "\r\nX-Junk: \u00ff\u00fe\u00c3\r\n\r\nd\u00e9j\u00e0 vu\r\n"),
            Arguments.of("bare LF line endings", "From: a@remote.test\nSubject: bare\n\nline 1\n"
                + "line 2\n"),
            Arguments.of("mixed line endings", "From: a@remote.test\r\nSubject: mixed\n"
                + "X-Cr: lone\rcarriage return\r\n\r\none\r\ntwo\nthree\rfour\r\n"),
            Arguments.of("NUL bytes", "From: a@remote.test\r\nX-Nul: a\u0000b\r\n\r\n"
                + "\u0000\u0000body\u0000\r\n"),
            Arguments.of("lines over 998 octets", "From: a@remote.test\r\nX-Long: "
                + "h".repeat(2000) + "\r\n\r\n" + "b".repeat(5000) + "\r\n"),
            Arguments.of("no Message-ID", "From: a@remote.test\r\nSubject: no id\r\n\r\nhi\r\n"),
            Arguments.of("several Message-IDs", "Message-ID: <one@remote.test>\r\n"
                + "Message-ID: <two@remote.test>\r\nFrom: a@remote.test\r\n\r\nhi\r\n"),
            Arguments.of("broken MIME", "From: a@remote.test\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never\"\r\n\r\n--nevre\r\n"
                + "Content-Type: text/plain\r\n\r\nunclosed part\r\n--never\r\nno end"),
            Arguments.of("headers only, no final newline", "From: a@remote.test\r\nSubject: x"),
            Arguments.of("no header at all", "\r\njust a body\r\n"),
            Arguments.of("empty file", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardMessages")
    void submitShouldStoreTheRemoteBytesUnchanged(String name, String message) throws Exception {
        byte[] remote = message.getBytes(StandardCharsets.ISO_8859_1);

        DeliveryOutcome outcome = submit(remote);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.STORED);
        assertThat(storedRemotePart()).isEqualTo(normalised(remote));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardMessages")
    void submitShouldStoreTheRemoteBytesUnchangedWhenSieveReadsTheBody(String name, String message)
            throws Exception {
        server.getProbe(SieveProbeImpl.class).addActiveSieveScript(owner.asString(), "body",
            "require \"body\"; if body :contains \"never written\" { discard; }");
        byte[] remote = message.getBytes(StandardCharsets.ISO_8859_1);

        DeliveryOutcome outcome = submit(remote);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.STORED);
        assertThat(storedRemotePart()).isEqualTo(normalised(remote));
    }

    @Test
    void submitShouldStoreAFiftyMebibyteMessageUnchanged() throws Exception {
        Path big = largeMessage(50 * 1024 * 1024);

        DeliveryOutcome outcome = probe.submit(DeliveryJames.message(owner, big).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.STORED);
        assertThat(storedRemotePart()).isEqualTo(normalised(Files.readAllBytes(big)));
    }

    @TestFactory
    Stream<DynamicTest> submitShouldStoreEveryCorpusMessageUnchanged() throws IOException {
        Optional<Path> corpus = Corpus.folder();
        Assumptions.assumeTrue(corpus.isPresent(), "no ../shared/corpus beside the repository");
        List<Path> files = Corpus.messages(corpus.get());

        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
            () -> assertStoredUnchanged(file)));
    }

    private void assertStoredUnchanged(Path file) throws Exception {
        owner = freshOwner();
        byte[] remote = Files.readAllBytes(file);

        DeliveryOutcome outcome = submit(remote);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.STORED);
        assertThat(storedRemotePart()).isEqualTo(normalised(remote));
    }

    private Username freshOwner() throws Exception {
        Username user = DeliveryJames.freshUser("bytes");
        server.getProbe(DataProbeImpl.class).addUser(user.asString(), DeliveryJames.PASSWORD);
        return user;
    }

    private DeliveryOutcome submit(byte[] remote) throws Exception {
        return probe.submit(DeliveryJames.message(owner, DeliveryJames.write(downloads, remote))
            .build());
    }

    /** The one stored message, less the header lines put in front of the remote bytes. */
    private String storedRemotePart() throws Exception {
        List<DeliveryProbe.StoredMessage> stored = probe.allMessages(owner);
        assertThat(stored).hasSize(1);
        String text = normalised(stored.get(0).bytes());
        String deliveredTo = "Delivered-To: " + owner.asString() + "\n";
        assertThat(text).startsWith(deliveredTo + TraceHeader.NAME + ": from ");
        return withoutTraceHeader(text.substring(deliveredTo.length()));
    }

    private static String withoutTraceHeader(String text) {
        int end = text.indexOf('\n');
        while (end >= 0 && end + 1 < text.length() && text.charAt(end + 1) == '\t') {
            end = text.indexOf('\n', end + 1);
        }
        return end < 0 ? "" : text.substring(end + 1);
    }

    /** The bytes as text, one char a byte, with CRLF turned into LF. */
    private static String normalised(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    private Path largeMessage(int size) throws IOException {
        Path file = Files.createTempFile(downloads, "large", ".eml");
        String header = "From: a@remote.test\r\nSubject: large\r\n\r\n";
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 76; i++) {
            line.append((char) ('!' + (i * 7) % 94));
        }
        byte[] body = (line + "\u00e9\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            for (long written = header.length(); written < size; written += body.length) {
                out.write(body);
            }
        }
        return file;
    }

    /** The shared test messages beside the repository, when this checkout has them. */
    static final class Corpus {
        private Corpus() {
        }

        static Optional<Path> folder() {
            Path root = Path.of("").toAbsolutePath();
            while (root.getParent() != null && Files.exists(root.getParent().resolve("pom.xml"))) {
                root = root.getParent();
            }
            Path corpus = root.resolveSibling("shared").resolve("corpus");
            return Files.isDirectory(corpus) ? Optional.of(corpus) : Optional.empty();
        }

        static List<Path> messages(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("README.md"))
                    .sorted()
                    .collect(Collectors.toList());
            }
        }
    }
}
