package org.jamescollectors.store.jdbc;

/** The collector schema cannot be brought to the version this code needs; the message says why. */
public final class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
