package org.jamescollectors.manage;

/**
 * Why {@link CollectorService} refused a request. Each subclass stands for one answer of the API;
 * the message is English meant for the user and never holds a password.
 */
public abstract class CollectorServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    CollectorServiceException(String message) {
        super(message);
    }
}
