package org.jamescollectors.collect;

import java.util.Objects;

/**
 * Why a run, or one message of it, failed: a stable code (the API's {@code problem.code}), a
 * message for people, and whether only the user can fix it.
 */
public final class RunFailure {
    /** The codes users and front ends see. */
    public enum Code {
        AUTHENTICATION("authentication", true),
        TLS("tls", false),
        CONNECTION("connection", false),
        TIMEOUT("timeout", false),
        THROTTLED("throttled", false),
        PROTOCOL("protocol", false),
        OVER_QUOTA("over-quota", false),
        TOO_LARGE("too-large", false),
        REJECTED("rejected", false),
        LOCAL("local", false),
        PASSWORD_UNREADABLE("password-unreadable", true),
        FAILING_TOO_LONG("failing-too-long", true),
        OWNER_UNKNOWN("owner-unknown", false);

        private final String wireName;
        private final boolean needsUser;

        Code(String wireName, boolean needsUser) {
            this.wireName = wireName;
            this.needsUser = needsUser;
        }

        public String wireName() {
            return wireName;
        }

        /** True when retrying cannot help until the user changes something. */
        public boolean needsUser() {
            return needsUser;
        }
    }

    private final Code code;
    private final String message;

    private RunFailure(Code code, String message) {
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
    }

    public static RunFailure of(Code code, String message) {
        return new RunFailure(code, message);
    }

    public Code code() {
        return code;
    }

    public String message() {
        return message;
    }

    public Run.Error asRunError() {
        return Run.Error.of(code.wireName(), message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunFailure && ((RunFailure) o).code == code
            && ((RunFailure) o).message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message);
    }

    @Override
    public String toString() {
        return code.wireName() + ": " + message;
    }
}
