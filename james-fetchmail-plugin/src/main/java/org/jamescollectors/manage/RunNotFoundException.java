package org.jamescollectors.manage;

/** The caller's collector has no run with that id. */
public final class RunNotFoundException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    public RunNotFoundException() {
        super("The run does not exist");
    }
}
