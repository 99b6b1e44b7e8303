package org.jamescollectors.webadmin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jamescollectors.manage.HostAddresses;
import org.jamescollectors.remote.TargetGuard;
import org.jamescollectors.testing.FixedHostAddresses;

/**
 * The test resolver and a witness of connections: names resolve only through a table of the
 * test's own (never through DNS), every name asked is recorded, and every connection the
 * target policy lets through is recorded right before it is made.
 */
final class TargetSpy implements HostAddresses {
    private final Map<String, List<String>> hosts;
    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    private final List<String> connections = new CopyOnWriteArrayList<>();
    private volatile FixedHostAddresses table;

    private TargetSpy(Map<String, List<String>> hosts) {
        this.hosts = Map.copyOf(hosts);
        this.table = FixedHostAddresses.of(hosts);
    }

    /** Resolves {@code hosts}, and the test remote's name once {@link #withRemote} is told. */
    static TargetSpy resolving(Map<String, List<String>> hosts) {
        return new TargetSpy(hosts);
    }

    TargetSpy withRemote(String remoteHost, String remoteAddress) {
        Map<String, List<String>> all = new HashMap<>(hosts);
        all.put(remoteHost, List.of(remoteAddress));
        table = FixedHostAddresses.of(all);
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookedUp.add(host);
        return table.resolve(host);
    }

    /** The policy, then a record of what it let through. */
    TargetGuard guard(TargetGuard policy) {
        return (host, address, port) -> {
            policy.check(host, address, port);
            connections.add(host + " " + address.getHostAddress() + " " + port);
        };
    }

    List<String> lookedUp() {
        return List.copyOf(lookedUp);
    }

    List<String> connections() {
        return List.copyOf(connections);
    }
}
