package org.jamescollectors.store;

/** The owner already has a collector with that name. */
public final class DuplicateCollectorException extends Exception {
    public DuplicateCollectorException(String message) {
        super(message);
    }
}
