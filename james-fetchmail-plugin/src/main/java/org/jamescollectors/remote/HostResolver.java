package org.jamescollectors.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Turns a remote account's host name into the addresses to try, in order. */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    static HostResolver system() {
        return host -> Arrays.asList(InetAddress.getAllByName(host));
    }
}
