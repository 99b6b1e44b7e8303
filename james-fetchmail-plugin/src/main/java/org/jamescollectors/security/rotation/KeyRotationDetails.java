package org.jamescollectors.security.rotation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.task.TaskExecutionDetails;

/**
 * What {@code GET /tasks/{id}} shows of a key rotation: collectors done and failed so far, the
 * fingerprint (not the key) of the new key, and whether it replaced the old one.
 */
public final class KeyRotationDetails implements TaskExecutionDetails.AdditionalInformation {
    private final int collectorsDone;
    private final int collectorsFailed;
    private final Optional<String> newKeyFingerprint;
    private final boolean keySwapped;
    private final Instant timestamp;

    private KeyRotationDetails(int collectorsDone, int collectorsFailed,
                               Optional<String> newKeyFingerprint, boolean keySwapped,
                               Instant timestamp) {
        this.collectorsDone = collectorsDone;
        this.collectorsFailed = collectorsFailed;
        this.newKeyFingerprint = Objects.requireNonNull(newKeyFingerprint, "newKeyFingerprint");
        this.keySwapped = keySwapped;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    public static KeyRotationDetails of(int collectorsDone, int collectorsFailed,
                                        Optional<String> newKeyFingerprint, boolean keySwapped,
                                        Instant timestamp) {
        return new KeyRotationDetails(collectorsDone, collectorsFailed, newKeyFingerprint,
            keySwapped, timestamp);
    }

    static KeyRotationDetails from(RotationProgress progress, Instant timestamp) {
        return of(progress.done(), progress.failed(), progress.newKeyFingerprint(),
            progress.finished(), timestamp);
    }

    public int collectorsDone() {
        return collectorsDone;
    }

    public int collectorsFailed() {
        return collectorsFailed;
    }

    public Optional<String> newKeyFingerprint() {
        return newKeyFingerprint;
    }

    public boolean keySwapped() {
        return keySwapped;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyRotationDetails)) {
            return false;
        }
        KeyRotationDetails that = (KeyRotationDetails) o;
        return collectorsDone == that.collectorsDone && collectorsFailed == that.collectorsFailed
            && newKeyFingerprint.equals(that.newKeyFingerprint) && keySwapped == that.keySwapped
            && timestamp.equals(that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collectorsDone, collectorsFailed, newKeyFingerprint, keySwapped,
            timestamp);
    }

    @Override
    public String toString() {
        return "KeyRotationDetails{done=" + collectorsDone + ", failed=" + collectorsFailed
            + ", swapped=" + keySwapped + "}";
    }
}
