package org.jamescollectors.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The large message as a file (CRLF lines of plain text, as a server serves it, so it is served
 * unchanged), and the check that a stored copy is header lines added on the way followed by
 * exactly its bytes, made as streams.
 */
final class LargeMessageFile {
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ADDED_HEADER = 64 * 1024;
    private static final byte[] LINE =
        "Large message body line 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRST\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private LargeMessageFile() {
    }

    /** Writes a message of at least {@code bodyBytes} of body; returns its size. */
    static long write(Path file, long bodyBytes, String tag) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            out.write(("From: big@remote.test\r\nTo: user@remote.test\r\nSubject: " + tag + "\r\n"
                + "Message-ID: <" + tag + "@remote.test>\r\nX-Bench-Id: 1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < bodyBytes; written += LINE.length) {
                out.write(LINE);
            }
        }
        return Files.size(file);
    }

    /**
     * Compares a stored copy of {@code storedSize} bytes with the file: returns empty when it
     * is added header lines then the file's bytes, else what differs.
     */
    static String differences(InputStream stored, long storedSize, Path file) throws IOException {
        long added = storedSize - Files.size(file);
        if (added < 0 || added > MAX_ADDED_HEADER) {
            return "stored " + storedSize + " bytes for " + Files.size(file);
        }
        byte[] prefix = stored.readNBytes((int) added);
        if (!isHeaderLines(new String(prefix, StandardCharsets.ISO_8859_1))) {
            return "the " + added + " bytes before the message are not header lines";
        }
        try (InputStream original = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return sameBytes(stored, original);
        }
    }

    private static boolean isHeaderLines(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (!text.endsWith("\r\n") || text.startsWith(" ") || text.startsWith("\t")) {
            return false;
        }
        return Arrays.stream(text.split("\r\n"))
            .allMatch(line -> line.matches("[!-9;-~]+:.*") || line.matches("[ \t].*"));
    }

    private static String sameBytes(InputStream stored, InputStream original) throws IOException {
        long offset = 0;
        while (true) {
            byte[] expected = original.readNBytes(CHUNK);
            byte[] actual = stored.readNBytes(CHUNK);
            if (!Arrays.equals(expected, actual)) {
                return "differs within bytes " + offset + " to " + (offset + CHUNK)
                    + " of the message";
            }
            if (expected.length == 0) {
                return "";
            }
            offset += expected.length;
        }
    }
}
