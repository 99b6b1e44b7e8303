package org.jamescollectors.manage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a request gives for a new collector or for a change, as typed values not yet
 * checked. A field can be absent (unchanged, or its default), given as {@code null} (only the
 * {@linkplain CollectorField#nullable() nullable} folders) or given a value.
 */
public final class CollectorInput {
    private final Map<CollectorField, Optional<Object>> values;

    private CollectorInput(Map<CollectorField, Optional<Object>> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean given(CollectorField field) {
        return values.containsKey(field);
    }

    public Set<CollectorField> fields() {
        return values.keySet();
    }

    /** True when any field whose change needs a live check is given. */
    public boolean touchesAccess() {
        return values.keySet().stream().anyMatch(CollectorField::access);
    }

    /** The string given, empty when absent or null. */
    public Optional<String> string(CollectorField field) {
        return value(field, String.class);
    }

    public Optional<Integer> integer(CollectorField field) {
        return value(field, Integer.class);
    }

    public Optional<Boolean> bool(CollectorField field) {
        return value(field, Boolean.class);
    }

    private <T> Optional<T> value(CollectorField field, Class<T> type) {
        return values.getOrDefault(field, Optional.empty()).map(type::cast);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollectorInput && ((CollectorInput) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "CollectorInput" + values.keySet();
    }

    /** Collects the given fields; each setter checks the value's type against the field's. */
    public static final class Builder {
        private final Map<CollectorField, Optional<Object>> values =
            new EnumMap<>(CollectorField.class);

        private Builder() {
        }

        public Builder string(CollectorField field, String value) {
            return put(field, CollectorField.Type.STRING, value);
        }

        public Builder integer(CollectorField field, int value) {
            return put(field, CollectorField.Type.INTEGER, value);
        }

        public Builder bool(CollectorField field, boolean value) {
            return put(field, CollectorField.Type.BOOLEAN, value);
        }

        /** Gives a nullable field as {@code null}. */
        public Builder nullValue(CollectorField field) {
            if (!field.nullable()) {
                throw new IllegalArgumentException(field.wireName() + " cannot be null");
            }
            values.put(field, Optional.empty());
            return this;
        }

        private Builder put(CollectorField field, CollectorField.Type type, Object value) {
            if (field.type() != type) {
                throw new IllegalArgumentException(field.wireName() + " takes "
                    + field.type().description());
            }
            values.put(field, Optional.of(Objects.requireNonNull(value, "value")));
            return this;
        }

        public CollectorInput build() {
            return new CollectorInput(values);
        }
    }
}
