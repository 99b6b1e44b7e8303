package org.jamescollectors.store.jdbc;

import java.sql.SQLException;

/** The database failed a store operation; the cause is the driver's exception. */
public final class JdbcStoreException extends RuntimeException {
    private final boolean uniqueViolation;

    JdbcStoreException(String message, SQLException cause, boolean uniqueViolation) {
        super(message + ": " + cause.getMessage(), cause);
        this.uniqueViolation = uniqueViolation;
    }

    /** True when the statement broke a primary key or unique constraint. */
    boolean isUniqueViolation() {
        return uniqueViolation;
    }
}
