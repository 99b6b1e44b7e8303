package org.jamescollectors.manage;

/**
 * No collector of the caller has that id. The message is the same whether the id never existed
 * or belongs to someone else, so that nobody can probe for ids.
 */
public final class CollectorNotFoundException extends CollectorServiceException {
    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "The collector does not exist";

    public CollectorNotFoundException() {
        super(MESSAGE);
    }
}
