package org.jamescollectors.config;

/** One setting's value cannot be used; the message says what is expected. */
public final class InvalidSettingException extends Exception {
    public InvalidSettingException(String message) {
        super(message);
    }
}
