package org.jamescollectors.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.jamescollectors.remote.HostResolver;

/** Resolves a fixed set of names to 127.0.0.1 and nothing else: tests never ask real DNS. */
public final class LoopbackResolver implements HostResolver {
    private final Set<String> names;

    private LoopbackResolver(Set<String> names) {
        this.names = names;
    }

    public static LoopbackResolver of(String... names) {
        return new LoopbackResolver(Set.of(names));
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (!names.contains(host)) {
            throw new UnknownHostException(host + " (tests only resolve " + names + ")");
        }
        return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
    }
}
