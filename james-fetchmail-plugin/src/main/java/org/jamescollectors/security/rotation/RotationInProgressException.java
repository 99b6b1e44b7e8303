package org.jamescollectors.security.rotation;

/** A key rotation was asked for while another one is waiting or running. */
public final class RotationInProgressException extends Exception {
    public RotationInProgressException(String message) {
        super(message);
    }
}
