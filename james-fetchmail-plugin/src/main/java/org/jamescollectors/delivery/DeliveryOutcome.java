package org.jamescollectors.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one collected message in James. {@link Kind#STORED} and {@link Kind#ENDED} mean
 * the message is collected and its remote copy may go; {@link Kind#FAILED} means it is not, and a
 * {@linkplain #temporary() temporary} failure is worth trying again later.
 */
public final class DeliveryOutcome {
    /** The three ends a collected message can come to. */
    public enum Kind {
        /** Stored in one of the owner's folders, named by {@link #folder()}. */
        STORED,
        /**
         * Finished on purpose without being stored and without error: the owner's Sieve script
         * discarded or redirected it, or an operator's mailet (Null, ToRepository) took it.
         */
        ENDED,
        /** Not collected: an error in the pipeline, a storage failure, the owner over quota. */
        FAILED
    }

    private final Kind kind;
    private final Optional<String> folder;
    private final String reason;
    private final boolean temporary;
    private final boolean overQuota;

    private DeliveryOutcome(Kind kind, Optional<String> folder, String reason, boolean temporary) {
        this(kind, folder, reason, temporary, false);
    }

    private DeliveryOutcome(Kind kind, Optional<String> folder, String reason, boolean temporary,
                            boolean overQuota) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.temporary = temporary;
        this.overQuota = overQuota;
    }

    public static DeliveryOutcome stored(String folder) {
        Objects.requireNonNull(folder, "folder");
        return new DeliveryOutcome(Kind.STORED, Optional.of(folder), "stored in " + folder, false);
    }

    public static DeliveryOutcome ended(String reason) {
        return new DeliveryOutcome(Kind.ENDED, Optional.empty(), reason, false);
    }

    /** A failure that may go away: storage trouble, quota, a pipeline error an operator can fix. */
    public static DeliveryOutcome failedTemporarily(String reason) {
        return new DeliveryOutcome(Kind.FAILED, Optional.empty(), reason, true);
    }

    /** The owner's mailbox is full: temporary, and no other message will fit either. */
    public static DeliveryOutcome failedOverQuota(String reason) {
        return new DeliveryOutcome(Kind.FAILED, Optional.empty(), reason, true, true);
    }

    /** A failure that trying the same message again cannot fix. */
    public static DeliveryOutcome failedPermanently(String reason) {
        return new DeliveryOutcome(Kind.FAILED, Optional.empty(), reason, false);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the owner's mailbox was over quota: the run should stop and wait for space. */
    public boolean overQuota() {
        return overQuota;
    }

    /** True when the message counts as collected (stored or ended on purpose). */
    public boolean collected() {
        return kind != Kind.FAILED;
    }

    /** The folder the message was stored in, as a path with {@code /} between levels. */
    public Optional<String> folder() {
        return folder;
    }

    /** A short English explanation, free of secrets, fit for logs and for the owner. */
    public String reason() {
        return reason;
    }

    /** For a failure, whether a later attempt may succeed; false for the other kinds. */
    public boolean temporary() {
        return temporary;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeliveryOutcome)) {
            return false;
        }
        DeliveryOutcome that = (DeliveryOutcome) o;
        return kind == that.kind && folder.equals(that.folder) && reason.equals(that.reason)
            && temporary == that.temporary && overQuota == that.overQuota;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, folder, reason, temporary, overQuota);
    }

    @Override
    public String toString() {
        return "DeliveryOutcome{" + kind + (temporary ? " (temporary)" : "") + ": " + reason + "}";
    }
}
