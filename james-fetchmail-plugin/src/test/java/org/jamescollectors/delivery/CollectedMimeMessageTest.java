package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectedMimeMessageTest {
    private static final String TRACE =
        "Received: from r by l with POP3 (James Mail Collectors)\r\n";
    private static final String REMOTE =
        "Subject: caf\u00e9 \u00ff\nX-Nul: a\u0000b\n\nbody \u00e9\n";

    @TempDir
    Path folder;

    @Test
    void writeToShouldGiveTheTraceThenTheRemoteBytesWhenUnchanged() throws Exception {
        CollectedMimeMessage message = message();

        assertThat(written(message)).isEqualTo(TRACE + REMOTE);
    }

    @Test
    void writeToShouldGiveTheExactBytesEvenAfterTheBodyWasParsed() throws Exception {
        CollectedMimeMessage message = message();
        message.getContent();

        assertThat(written(message)).isEqualTo(TRACE + REMOTE);
        assertThat(read(message.getMessageInputStream())).isEqualTo(TRACE + REMOTE);
    }

    @Test
    void copiesShouldKeepTheBytesUpToHeaderLineEndings() throws Exception {
        MimeMessage copy = new MimeMessage(message());

        assertThat(written(copy).replace("\r\n", "\n"))
            .isEqualTo((TRACE + REMOTE).replace("\r\n", "\n"));
    }

    @Test
    void storageShouldFollowAMailetThatChangedTheHeaders() throws Exception {
        CollectedMimeMessage message = message();
        message.addHeader("X-Spam-Score", "0");

        assertThat(read(message.openForStorage())).contains("X-Spam-Score: 0\r\n")
            .endsWith("\r\nbody \u00e9\n");
        assertThat(message.sizeForStorage()).isEqualTo(read(message.openForStorage()).length());
    }

    @Test
    void headersShouldBeReadableWithoutTheBody() throws Exception {
        assertThat(message().getHeader("X-Nul")).containsExactly("a\u0000b");
    }

    private CollectedMimeMessage message() throws Exception {
        Path file = Files.write(folder.resolve("m.eml"),
            REMOTE.getBytes(StandardCharsets.ISO_8859_1));
        return new CollectedMimeMessage(new CollectedMessageSource("test",
            TRACE.getBytes(StandardCharsets.US_ASCII), file, Files.size(file)));
    }

    private static String written(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String read(InputStream in) throws Exception {
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
