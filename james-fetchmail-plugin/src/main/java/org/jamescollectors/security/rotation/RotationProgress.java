package org.jamescollectors.security.rotation;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jamescollectors.collect.CollectorId;

/**
 * How far a key rotation got, updated by the rotating thread and read by anyone (WebAdmin's
 * {@code /tasks}). Collectors done are under the new key (re-encrypted, or found so); failed ones
 * could not be read under any key this node knows, or kept changing while being updated.
 */
public final class RotationProgress {
    private final AtomicInteger done = new AtomicInteger();
    private final Set<CollectorId> unreadable = ConcurrentHashMap.newKeySet();
    private final Set<CollectorId> leftBehind = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> newKeyFingerprint = new AtomicReference<>();
    private volatile boolean finished;

    public int done() {
        return done.get();
    }

    public int failed() {
        return unreadable.size() + leftBehind.size();
    }

    /** Collectors still under the old key because they kept changing; they block the swap. */
    public int leftUnderOldKey() {
        return leftBehind.size();
    }

    public Optional<String> newKeyFingerprint() {
        return Optional.ofNullable(newKeyFingerprint.get());
    }

    /** True once the new key replaced the old one. */
    public boolean finished() {
        return finished;
    }

    void newKey(String fingerprint) {
        newKeyFingerprint.set(fingerprint);
    }

    void reEncrypted(CollectorId id) {
        leftBehind.remove(id);
        unreadable.remove(id);
        done.incrementAndGet();
    }

    void alreadyUnderNewKey() {
        done.incrementAndGet();
    }

    void unreadable(CollectorId id) {
        unreadable.add(id);
    }

    void leftBehind(CollectorId id) {
        leftBehind.add(id);
    }

    void finish() {
        finished = true;
    }
}
