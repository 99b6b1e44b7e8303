package org.jamescollectors.collect;

import java.util.Objects;

/**
 * A remote account's password in clear, as the user typed it. Its {@code toString} never shows it,
 * so that it cannot end up in a log line or an exception message by accident.
 */
public final class Password {
    private final String value;

    private Password(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Password of(String value) {
        return new Password(value);
    }

    /** The password as typed; send it as UTF-8 octets. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password && ((Password) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
