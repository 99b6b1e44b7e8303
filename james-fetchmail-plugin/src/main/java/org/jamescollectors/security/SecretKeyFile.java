package org.jamescollectors.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts remote passwords at rest: 256 random bits, base64 on one line of a file
 * that only its owner may read. Created on first start when absent.
 */
public final class SecretKeyFile {
    private static final Logger LOGGER = LoggerFactory.getLogger(SecretKeyFile.class);
    private static final int KEY_BYTES = 32;

    private SecretKeyFile() {
    }

    /** Reads the key at {@code path}, creating it (owner read/write only) if there is none. */
    public static SecretKeySpec loadOrCreate(Path path) throws IOException {
        if (!Files.exists(path)) {
            create(path);
        }
        return load(path);
    }

    /** Reads the key at {@code path}; fails with a message naming the file if it is unusable. */
    public static SecretKeySpec load(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("secret key file " + path + " is not base64; restore it from"
                + " your backup (it must hold the same key on every node)");
        }
        if (key.length != KEY_BYTES) {
            throw new IOException("secret key file " + path + " must hold " + KEY_BYTES
                + " bytes, holds " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    /** Writes a new random key to {@code path}; refuses to overwrite an existing file. */
    public static void create(Path path) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".collectors-key", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.write(temporary, content);
            Files.createLink(path, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(
                "secret key file " + path + " appeared meanwhile; not overwritten", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOGGER.warn("Created a new secret key for collector passwords at {}: back it up, and give"
            + " every James node sharing the collector store the same file", path);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file,
                Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            LOGGER.warn("Cannot restrict {} to its owner on this file system; protect it by hand",
                file);
        }
    }
}
