package org.jamescollectors.collect;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a collector: a random UUID, so that ids cannot be guessed or enumerated. */
public final class CollectorId {
    private final UUID value;

    private CollectorId(UUID value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static CollectorId random() {
        return new CollectorId(UUID.randomUUID());
    }

    public static CollectorId of(UUID value) {
        return new CollectorId(value);
    }

    /** Parses the canonical text form; throws {@link IllegalArgumentException} on anything else. */
    public static CollectorId of(String value) {
        Objects.requireNonNull(value, "value");
        UUID uuid = UUID.fromString(value);
        if (!uuid.toString().equalsIgnoreCase(value)) {
            throw new IllegalArgumentException("collector id is not a canonical UUID: " + value);
        }
        return new CollectorId(uuid);
    }

    public String asString() {
        return value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollectorId && ((CollectorId) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return asString();
    }
}
