package org.jamescollectors.security.rotation;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import javax.crypto.SecretKey;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretException;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every collector's password under a new secret key, then makes that key the key.
 * In order: the new key is written to {@code <key file>.next} (or the one an interrupted rotation
 * left there is taken up again); the running cipher starts sealing new passwords under it while
 * still reading both; every collector is re-encrypted, page by page, each update guarded by the
 * collector's version and retried when it changed meanwhile; a second pass catches passwords
 * written under the old key while the first ran; the store records the new key's fingerprint; the
 * old key file is kept as {@code <key file>.previous} and the new one takes its name; from then
 * on only the new key is accepted. Cut off anywhere, every password stays readable (see
 * {@link SecretKeyRing}) and running it again finishes the job. One rotation at a time per node.
 */
public final class KeyRotation {
    /** What a rotation ended with. */
    public enum Outcome {
        /** The new key is the key; passwords under the old one are no longer accepted. */
        FINISHED,
        /** Stopped before the swap; both keys are still accepted and it can be run again. */
        PENDING
    }

    static final int PAGE_SIZE = 100;
    private static final int UPDATE_ATTEMPTS = 5;
    private static final int MAX_PASSES = 3;
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyRotation.class);

    private final Stores stores;
    private final SecretCipher cipher;
    private final SecretKeyRing ring;
    private final ReentrantLock running = new ReentrantLock();

    private KeyRotation(Stores stores, SecretCipher cipher, SecretKeyRing ring) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** A rotation of the key in {@code ring}, switching {@code cipher}, the one this node runs. */
    public static KeyRotation of(Stores stores, SecretCipher cipher, SecretKeyRing ring) {
        return new KeyRotation(stores, cipher, ring);
    }

    /** True while a rotation has begun and not finished (possibly interrupted). */
    public boolean pending() {
        return ring.rotationPending();
    }

    /** Runs a rotation to its end on the caller's thread, counting into {@code progress}. */
    public Outcome rotate(RotationProgress progress)
        throws IOException, RotationInProgressException {
        if (!running.tryLock()) {
            throw new RotationInProgressException("a secret key rotation is already running");
        }
        try {
            return rotateLocked(progress);
        } finally {
            running.unlock();
        }
    }

    private Outcome rotateLocked(RotationProgress progress) throws IOException {
        SecretKey old = ring.currentKey();
        SecretKey next = ring.nextKey();
        String fingerprint = SecretCipher.fingerprint(next);
        progress.newKey(fingerprint);
        LOGGER.info("Secret key rotation started: from {} to {}", SecretCipher.fingerprint(old),
            fingerprint);
        cipher.useKeys(next, List.of(old));
        SecretCipher sealer = SecretCipher.of(next);
        SecretCipher opener = SecretCipher.of(old);
        opener.useKeys(old, ring.previousKey().map(List::of).orElse(List.of()));
        reEncryptAll(sealer, opener, progress);
        if (Thread.currentThread().isInterrupted() || progress.leftUnderOldKey() > 0) {
            LOGGER.warn("Secret key rotation stopped before the end: done={} failed={}; both keys"
                + " stay accepted, start it again to finish", progress.done(), progress.failed());
            return Outcome.PENDING;
        }
        stores.metadata().put(SecretKeyRing.FINGERPRINT, fingerprint);
        ring.swapFiles();
        cipher.useKeys(next, List.of());
        progress.finish();
        LOGGER.info("Secret key rotation finished: key {} in use, the previous key kept in {};"
            + " done={} failed={}", fingerprint, ring.previousFile(), progress.done(),
            progress.failed());
        return Outcome.FINISHED;
    }

    private void reEncryptAll(SecretCipher sealer, SecretCipher opener, RotationProgress progress) {
        boolean firstPass = true;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int changed = reEncryptPass(sealer, opener, progress, firstPass);
            firstPass = false;
            if (changed == 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** One pass over every collector; returns how many it re-encrypted. */
    private int reEncryptPass(SecretCipher sealer, SecretCipher opener, RotationProgress progress,
                              boolean firstPass) {
        CollectorStore collectors = stores.collectors();
        int changed = 0;
        Optional<CollectorId> after = Optional.empty();
        List<Collector> page;
        do {
            page = collectors.page(after, PAGE_SIZE);
            for (Collector collector : page) {
                if (Thread.currentThread().isInterrupted()) {
                    return changed;
                }
                changed += reEncrypt(collector, sealer, opener, progress, firstPass) ? 1 : 0;
            }
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == PAGE_SIZE);
        return changed;
    }

    /** Re-encrypts one collector; true when it wrote a new ciphertext. */
    private boolean reEncrypt(Collector read, SecretCipher sealer, SecretCipher opener,
                              RotationProgress progress, boolean firstPass) {
        Collector collector = read;
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            if (isSealedBy(sealer, collector)) {
                if (firstPass) {
                    progress.alreadyUnderNewKey();
                }
                return false;
            }
            Optional<Password> password = open(opener, collector);
            if (password.isEmpty()) {
                LOGGER.warn("Collector {}: its stored password cannot be read under any known key;"
                    + " its owner must enter it again", collector.id());
                progress.unreadable(collector.id());
                return false;
            }
            Optional<Collector> stale = update(collector, sealer.encrypt(collector.id(),
                password.get()));
            if (stale.isEmpty()) {
                progress.reEncrypted(collector.id());
                return true;
            }
            Optional<Collector> reread = stores.collectors().find(collector.id());
            if (reread.isEmpty()) {
                return false;
            }
            collector = reread.get();
        }
        LOGGER.warn("Collector {} kept changing while its password was re-encrypted", read.id());
        progress.leftBehind(read.id());
        return false;
    }

    /** Stores the new ciphertext; returns the collector back when it changed meanwhile. */
    private Optional<Collector> update(Collector collector, String sealed) {
        try {
            stores.collectors().update(collector.toBuilder().encryptedPassword(sealed).build());
            return Optional.empty();
        } catch (StaleCollectorException e) {
            return Optional.of(collector);
        } catch (DuplicateCollectorException e) {
            throw new IllegalStateException("re-encrypting a password never renames a collector",
                e);
        }
    }

    private static boolean isSealedBy(SecretCipher sealer, Collector collector) {
        return open(sealer, collector).isPresent();
    }

    private static Optional<Password> open(SecretCipher cipher, Collector collector) {
        try {
            return Optional.of(cipher.decrypt(collector.id(), collector.encryptedPassword()));
        } catch (SecretException e) {
            return Optional.empty();
        }
    }
}
