package org.jamescollectors.manage;

import java.net.InetAddress;

import com.google.inject.ImplementedBy;

/** Tells whether an address and port reach one of this James server's own mail listeners. */
@ImplementedBy(JamesOwnServers.class)
public interface OwnServers {
    boolean listensOn(InetAddress address, int port);

    /** A server with no listener of its own: for tests of code that never meets one. */
    static OwnServers none() {
        return (address, port) -> false;
    }
}
