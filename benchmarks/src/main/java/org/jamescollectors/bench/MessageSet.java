package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The messages every contender moves: the corpus when present plus generated ones, each written
 * once to a file and tagged with an {@code X-Bench-Id} header so that any copy can be recognised.
 */
final class MessageSet {
    private static final int KIB = 1024;

    private final List<Expected> messages;

    private MessageSet(List<Expected> messages) {
        this.messages = Collections.unmodifiableList(messages);
    }

    /** The mix: most of a few KB, some of 100 KB to 1 MB, a few of 10 MB. */
    static MessageSet write(Path folder, Optional<List<Path>> corpus, Size size)
        throws IOException {
        Files.createDirectories(folder);
        List<Expected> messages = new ArrayList<>();
        for (Path file : corpus.orElse(List.of())) {
            messages.add(save(folder, messages.size(), Files.readAllBytes(file)));
        }
        Random random = new Random(42);
        for (int i = 0; i < size.small; i++) {
            messages.add(generated(folder, messages.size(), 2 * KIB + random.nextInt(8 * KIB),
                random));
        }
        for (int i = 0; i < size.medium; i++) {
            messages.add(generated(folder, messages.size(),
                100 * KIB + random.nextInt(900 * KIB), random));
        }
        for (int i = 0; i < size.large; i++) {
            messages.add(generated(folder, messages.size(), 10 * KIB * KIB, random));
        }
        return new MessageSet(messages);
    }

    List<Expected> messages() {
        return messages;
    }

    long totalBytes() {
        return messages.stream().mapToLong(Expected::size).sum();
    }

    private static Expected generated(Path folder, int id, int bodySize, Random random)
        throws IOException {
        StringBuilder text = new StringBuilder(bodySize + 512);
        text.append("From: Sender ").append(id).append(" <sender").append(id)
            .append("@remote.test>\r\n")
            .append("To: owner@remote.test\r\n")
            .append("Subject: benchmark message ").append(id).append("\r\n")
            .append("Date: Fri, 4 Dec 2026 12:00:00 +0000\r\n")
            .append("Message-ID: <bench-").append(id).append("@remote.test>\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        int start = text.length();
        while (text.length() - start < bodySize) {
            appendLine(text, random);
        }
        return save(folder, id, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void appendLine(StringBuilder text, Random random) {
        for (int i = 0; i < 76; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        text.append("\r\n");
    }

    private static Expected save(Path folder, int id, byte[] original) throws IOException {
        byte[] tag = ("X-Bench-Id: " + id + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tagged = new byte[tag.length + original.length];
        System.arraycopy(tag, 0, tagged, 0, tag.length);
        System.arraycopy(original, 0, tagged, tag.length, original.length);
        Path file = folder.resolve(String.format("%06d.eml", id));
        Files.write(file, tagged);
        return Expected.of(id, file, tagged.length, Fingerprint.bodyHash(tagged));
    }

    /** How many generated messages of each size class. */
    static final class Size {
        private final int small;
        private final int medium;
        private final int large;

        private Size(int small, int medium, int large) {
            this.small = small;
            this.medium = medium;
            this.large = large;
        }

        static Size of(int small, int medium, int large) {
            return new Size(small, medium, large);
        }

        @Override
        public String toString() {
            return small + " of 2-10 KiB, " + medium + " of 100 KiB-1 MiB, " + large
                + " of 10 MiB";
        }
    }

    /** One message of the set: its id, its file, its size and the hash of its body. */
    static final class Expected {
        private final int id;
        private final Path file;
        private final long size;
        private final String bodyHash;

        private Expected(int id, Path file, long size, String bodyHash) {
            this.id = id;
            this.file = file;
            this.size = size;
            this.bodyHash = bodyHash;
        }

        static Expected of(int id, Path file, long size, String bodyHash) {
            return new Expected(id, file, size, bodyHash);
        }

        int id() {
            return id;
        }

        Path file() {
            return file;
        }

        long size() {
            return size;
        }

        String bodyHash() {
            return bodyHash;
        }
    }
}
