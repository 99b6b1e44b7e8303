package org.jamescollectors.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jamescollectors.manage.HostAddresses;

import com.google.common.net.InetAddresses;

/** Resolves IP literals and a fixed table of names, never asking DNS. */
public final class FixedHostAddresses implements HostAddresses {
    private final Map<String, List<String>> table;

    private FixedHostAddresses(Map<String, List<String>> table) {
        this.table = Map.copyOf(table);
    }

    public static FixedHostAddresses of(Map<String, List<String>> table) {
        return new FixedHostAddresses(table);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (InetAddresses.isInetAddress(host)) {
            return List.of(InetAddresses.forString(host));
        }
        List<String> addresses = table.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(InetAddresses::forString).collect(Collectors.toList());
    }
}
