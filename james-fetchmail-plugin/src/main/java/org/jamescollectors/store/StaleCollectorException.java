package org.jamescollectors.store;

/** The collector was changed or deleted since it was read: read it again and retry. */
public final class StaleCollectorException extends Exception {
    public StaleCollectorException(String message) {
        super(message);
    }
}
