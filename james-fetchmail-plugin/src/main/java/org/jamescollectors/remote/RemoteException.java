package org.jamescollectors.remote;

import java.util.Objects;

/**
 * A failure while talking to a remote account. {@link #userMessage()} is plain English meant for
 * the account's owner; it never contains a password, whatever the server echoed.
 */
public final class RemoteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String userMessage;

    private RemoteException(FailureKind kind, String userMessage, Throwable cause) {
        super(kind + ": " + userMessage, cause);
        this.kind = kind;
        this.userMessage = userMessage;
    }

    public static RemoteException of(FailureKind kind, String userMessage) {
        return of(kind, userMessage, null);
    }

    public static RemoteException of(FailureKind kind, String userMessage, Throwable cause) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userMessage, "userMessage");
        return new RemoteException(kind, userMessage, cause);
    }

    public FailureKind kind() {
        return kind;
    }

    public String userMessage() {
        return userMessage;
    }
}
