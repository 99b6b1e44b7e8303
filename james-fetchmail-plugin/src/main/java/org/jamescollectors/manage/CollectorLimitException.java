package org.jamescollectors.manage;

/** The caller already has as many collectors as their storage quota allows. */
public final class CollectorLimitException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    private final Usage usage;

    public CollectorLimitException(Usage usage, String message) {
        super(message);
        this.usage = usage;
    }

    public Usage usage() {
        return usage;
    }
}
