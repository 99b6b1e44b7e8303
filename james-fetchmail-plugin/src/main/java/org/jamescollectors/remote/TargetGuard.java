package org.jamescollectors.remote;

import java.net.InetAddress;

/**
 * Decides whether a collector may connect to an address. It is asked right before each connection
 * attempt, with the address actually about to be used, so that a host name re-resolving to a
 * forbidden address is still caught.
 */
@FunctionalInterface
public interface TargetGuard {
    /** Returns when allowed; throws a {@link FailureKind#REFUSED_TARGET} failure if not. */
    void check(String host, InetAddress address, int port) throws RemoteException;

    /** Allows everything: for tests against servers on the loopback interface only. */
    static TargetGuard allowAll() {
        return (host, address, port) -> { };
    }
}
