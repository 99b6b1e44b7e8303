package org.jamescollectors.manage.provider;

/** A provider file cannot be used; the message names the file and the fault. */
final class IspdbException extends Exception {
    private static final long serialVersionUID = 1L;

    IspdbException(String message) {
        super(message);
    }
}
