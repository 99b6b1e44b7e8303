package org.jamescollectors.manage;

/**
 * The request clashes with the caller's other collectors (same name, same remote account and
 * folder) or with the collector's current state (collect now while disabled).
 */
public final class CollectorConflictException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public CollectorConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable word front ends can act on: {@code name-taken}, {@code account-taken}, ... */
    public String code() {
        return code;
    }
}
