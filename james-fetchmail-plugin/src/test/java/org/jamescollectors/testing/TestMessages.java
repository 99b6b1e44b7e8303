package org.jamescollectors.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Awkward messages that must arrive byte for byte, and the shared corpus when present. */
public final class TestMessages {
    private TestMessages() {
    }

    public static byte[] simple(String subject) {
        return bytes("From: sender@remote.test\r\nTo: user@remote.test\r\nSubject: " + subject
            + "\r\nMessage-ID: <" + subject.hashCode() + "@remote.test>\r\n\r\nHello.\r\n");
    }

    public static byte[] bareLf() {
        return bytes("From: a@remote.test\nSubject: bare LF\n\nline one\nline two\r\nmixed\n");
    }

    public static byte[] nulBytes() {
        return bytes("Subject: NUL\r\n\r\nbefore\0after\r\n\0\r\n");
    }

    public static byte[] eightBitHeaders() {
        byte[] latin1 = "Subject: caf\u00e9 ete\r\nFrom: J\u00f6rg <j@remote.test>\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "X-Utf8: \u00e9t\u00e9 \u20ac\r\n\r\nbody \u00ff\r\n"
            .getBytes(StandardCharsets.UTF_8);
        byte[] raw = {(byte) 0xfe, (byte) 0x80, '\r', '\n'};
        return concat(latin1, utf8, raw);
    }

    public static byte[] longLine() {
        return bytes("Subject: long line\r\n\r\n" + "x".repeat(2000) + "\r\nshort\r\n");
    }

    public static byte[] noFinalNewline() {
        return bytes("Subject: no final newline\r\n\r\nlast line without newline");
    }

    /** Lines starting with dots, a lone dot included: POP3 must stuff and unstuff them. */
    public static byte[] leadingDots() {
        return bytes("Subject: dots\r\n\r\n.\r\n..\r\n.leading\r\n. space\r\n...\r\n.\r\nend\r\n");
    }

    /** A message of {@code size} bytes of varied text, in lines of 76 characters. */
    public static byte[] sized(int size) {
        StringBuilder body = new StringBuilder("Subject: sized " + size + "\r\n\r\n");
        int line = 0;
        while (body.length() < size) {
            body.append(String.format("%074d", line++)).append("\r\n");
        }
        return bytes(body.substring(0, size));
    }

    /** The files of ../shared/corpus beside the repository's root, when that folder exists. */
    public static Optional<List<Path>> corpus() throws IOException {
        Optional<Path> folder = corpusFolder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder.get())) {
            return Optional.of(files
                .filter(Files::isRegularFile)
                .filter(file -> !file.getFileName().toString().equals("README.md"))
                .sorted()
                .collect(Collectors.toList()));
        }
    }

    private static Optional<Path> corpusFolder() {
        Path directory = Paths.get("").toAbsolutePath();
        Path root = null;
        while (directory != null) {
            if (Files.exists(directory.resolve("pom.xml"))) {
                root = directory;
            }
            directory = directory.getParent();
        }
        if (root == null || root.getParent() == null) {
            return Optional.empty();
        }
        Path corpus = root.getParent().resolve("shared").resolve("corpus");
        return Files.isDirectory(corpus) ? Optional.of(corpus) : Optional.empty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
