package org.jamescollectors.delivery;

import java.util.Objects;

/** What became of one collected message in James. Stand-in for the delivery layer's type. */
public final class DeliveryOutcome {
    /** The ends a collected message can come to. */
    public enum Kind {
        STORED, ENDED, FAILED
    }

    private final Kind kind;
    private final String reason;
    private final boolean temporary;
    private final boolean overQuota;

    private DeliveryOutcome(Kind kind, String reason, boolean temporary, boolean overQuota) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.temporary = temporary;
        this.overQuota = overQuota;
    }

    public static DeliveryOutcome stored(String reason) {
        return new DeliveryOutcome(Kind.STORED, reason, false, false);
    }

    public static DeliveryOutcome failed(String reason, boolean temporary, boolean overQuota) {
        return new DeliveryOutcome(Kind.FAILED, reason, temporary, overQuota);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public boolean temporary() {
        return temporary;
    }

    public boolean overQuota() {
        return overQuota;
    }
}
