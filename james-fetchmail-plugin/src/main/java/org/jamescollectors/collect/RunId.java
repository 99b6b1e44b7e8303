package org.jamescollectors.collect;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one run of a collector. */
public final class RunId {
    private final UUID value;

    private RunId(UUID value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    /** Parses the canonical text form; throws {@link IllegalArgumentException} on anything else. */
    public static RunId of(String value) {
        UUID uuid = UUID.fromString(Objects.requireNonNull(value, "value"));
        if (!uuid.toString().equalsIgnoreCase(value)) {
            throw new IllegalArgumentException("run id is not a canonical UUID: " + value);
        }
        return new RunId(uuid);
    }

    public String asString() {
        return value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunId && ((RunId) o).value.equals(value);
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
