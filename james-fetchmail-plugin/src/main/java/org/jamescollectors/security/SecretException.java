package org.jamescollectors.security;

/** A stored secret cannot be read with the key at hand. */
public final class SecretException extends Exception {
    public SecretException(String message) {
        super(message);
    }
}
