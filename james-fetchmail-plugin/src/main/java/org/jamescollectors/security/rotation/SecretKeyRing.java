package org.jamescollectors.security.rotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretKeyFile;
import org.jamescollectors.store.StoreMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key file and the two files a key rotation keeps beside it: {@code <name>.next}, the
 * new key while a rotation is under way, and {@code <name>.previous}, the key before the last
 * rotation. Which state a node is in follows from the files and from the fingerprint the store
 * records (key {@value #FINGERPRINT}):
 * <ul>
 *   <li>no {@code .next}: the key file is the key;</li>
 *   <li>{@code .next} present, the store still recording the key file's fingerprint: a rotation
 *   was interrupted while re-encrypting; passwords are under either key, so both are accepted
 *   until the rotation is started again and finishes;</li>
 *   <li>{@code .next} present, the store recording its fingerprint: every password was
 *   re-encrypted and only the file swap was left; it is finished on opening.</li>
 * </ul>
 */
public final class SecretKeyRing {
    /** The store metadata key holding the fingerprint of the key the passwords are sealed with. */
    public static final String FINGERPRINT = "secret-key-fingerprint";
    static final String NEXT_SUFFIX = ".next";
    static final String PREVIOUS_SUFFIX = ".previous";
    private static final Logger LOGGER = LoggerFactory.getLogger(SecretKeyRing.class);

    private final Path keyFile;

    private SecretKeyRing(Path keyFile) {
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile").toAbsolutePath();
    }

    public static SecretKeyRing at(Path keyFile) {
        return new SecretKeyRing(keyFile);
    }

    public Path keyFile() {
        return keyFile;
    }

    public Path nextFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + NEXT_SUFFIX);
    }

    public Path previousFile() {
        return keyFile.resolveSibling(keyFile.getFileName() + PREVIOUS_SUFFIX);
    }

    /** True while a rotation has begun and not finished. */
    public boolean rotationPending() {
        return Files.exists(nextFile());
    }

    /**
     * The cipher this node runs with: the key file's key (created on first start), plus the new
     * key of an interrupted rotation, whose file swap is finished here when only that was left.
     */
    public SecretCipher openCipher(StoreMetadata metadata) throws IOException {
        if (!rotationPending()) {
            return SecretCipher.of(SecretKeyFile.loadOrCreate(keyFile));
        }
        SecretKey next = SecretKeyFile.load(nextFile());
        String nextFingerprint = SecretCipher.fingerprint(next);
        boolean reEncrypted = metadata.get(FINGERPRINT).filter(nextFingerprint::equals).isPresent();
        if (reEncrypted || !Files.exists(keyFile)) {
            swapFiles();
            LOGGER.warn("Finished an interrupted secret key rotation: {} is now the key ({}),"
                + " the key before it is kept in {}", keyFile, nextFingerprint, previousFile());
            return SecretCipher.of(next);
        }
        SecretKey current = SecretKeyFile.load(keyFile);
        SecretCipher cipher = SecretCipher.of(current);
        cipher.useKeys(current, List.of(next));
        LOGGER.warn("A secret key rotation was interrupted: passwords sealed under {} or {} are"
            + " accepted until it is started again (POST /collectors-admin/secret-key/rotation)",
            keyFile, nextFile());
        return cipher;
    }

    /** The key in the key file. */
    public SecretKey currentKey() throws IOException {
        return SecretKeyFile.load(keyFile);
    }

    /** The key before the last rotation, if its file is still there. */
    public Optional<SecretKey> previousKey() throws IOException {
        if (!Files.exists(previousFile())) {
            return Optional.empty();
        }
        return Optional.of(SecretKeyFile.load(previousFile()));
    }

    /** The new key of the rotation under way, created (owner-only) when none is. */
    public SecretKey nextKey() throws IOException {
        if (!rotationPending()) {
            SecretKeyFile.create(nextFile());
        }
        return SecretKeyFile.load(nextFile());
    }

    /**
     * Makes the new key the key: copies the key file to {@code .previous}, then moves
     * {@code .next} over the key file in one atomic rename. Cut off anywhere, it can be run again.
     */
    void swapFiles() throws IOException {
        if (Files.exists(keyFile)) {
            Files.copy(keyFile, previousFile(), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.move(nextFile(), keyFile, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
    }
}
