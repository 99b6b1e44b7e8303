package org.jamescollectors.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A large CRLF message written straight to a file, with its SHA-256, never held in memory. */
public final class BigMessage {
    private final Path file;
    private final long size;
    private final byte[] sha256;

    private BigMessage(Path file, long size, byte[] sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** Writes about {@code size} bytes of 76-character lines, some starting with a dot. */
    public static BigMessage write(Path file, long size) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long written = 0;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(
            Files.newOutputStream(file), 1 << 16), digest)) {
            byte[] header = "Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            for (long line = 0; written < size; line++) {
                String prefix = line % 10 == 0 ? "." : "x";
                byte[] bytes = String.format("%s%073d\r\n", prefix, line)
                    .getBytes(StandardCharsets.US_ASCII);
                out.write(bytes);
                written += bytes.length;
            }
        }
        return new BigMessage(file, written, digest.digest());
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public byte[] sha256() {
        return sha256.clone();
    }
}
