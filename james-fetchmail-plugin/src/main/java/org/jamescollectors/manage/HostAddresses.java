package org.jamescollectors.manage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import com.google.inject.ImplementedBy;

/** Resolves a remote server's name to every address it has, before anything connects there. */
@ImplementedBy(HostAddresses.System.class)
public interface HostAddresses {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver, as the remote client layer uses it. */
    final class System implements HostAddresses {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return Arrays.asList(InetAddress.getAllByName(host));
        }
    }
}
