package org.jamescollectors.remote;

/** Why talking to a remote account failed, in the terms the collector acts upon. */
public enum FailureKind {
    /** The server refused the user name or the password: the user must fix the access data. */
    AUTHENTICATION,
    /** TLS could not be set up or was not offered, or plaintext is not allowed for this account. */
    TLS,
    /** The server could not be reached, or the connection was refused, reset or lost. */
    CONNECTION,
    /** The server stopped answering within the configured time. */
    TIMEOUT,
    /** The server asked us to come back later: in use, login delay, rate limit, unavailable. */
    THROTTLED,
    /** The server answered something we cannot use: unparseable, unexpected or unsupported. */
    PROTOCOL,
    /** The target address or port is not one collectors may connect to. */
    REFUSED_TARGET
}
