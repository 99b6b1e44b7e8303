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

    public RemoteException(FailureKind kind, String userMessage) {
        this(kind, userMessage, null);
    }

    private RemoteException(FailureKind kind, String userMessage, Throwable cause) {
        super(kind + ": " + userMessage, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
    }

    public static RemoteException of(FailureKind kind, String userMessage) {
        return new RemoteException(kind, userMessage, null);
    }

    public static RemoteException of(FailureKind kind, String userMessage, Throwable cause) {
        return new RemoteException(kind, userMessage, cause);
    }

    public FailureKind kind() {
        return kind;
    }

    public String userMessage() {
        return userMessage;
    }
}
