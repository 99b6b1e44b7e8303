package org.jamescollectors.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.TargetGuard;

/**
 * Decides which addresses and ports collectors may connect to, checked against the address
 * actually connected to (so a name that resolves differently later gains nothing). Refused by
 * default: loopback, private, link-local, CGNAT, multicast, unspecified, reserved, IPv6
 * unique-local and the cloud metadata addresses, and every port outside the operator's list.
 * Networks the operator allows are let through; networks the operator denies are refused first.
 */
public final class TargetPolicy implements TargetGuard {
    /** The refusal users see: it does not tell whether anything listens there. */
    public static final String REFUSAL = "this server cannot be used for collection";

    private static final List<NetworkRange> SPECIAL_NETWORKS = Stream.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10",
            "ff00::/8")
        .map(NetworkRange::parse)
        .collect(Collectors.toUnmodifiableList());

    private final Set<Integer> allowedPorts;
    private final List<NetworkRange> allowedNetworks;
    private final List<NetworkRange> deniedNetworks;

    private TargetPolicy(Set<Integer> allowedPorts, List<NetworkRange> allowedNetworks,
                         List<NetworkRange> deniedNetworks) {
        this.allowedPorts = Set.copyOf(allowedPorts);
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.deniedNetworks = List.copyOf(deniedNetworks);
    }

    public static TargetPolicy of(CollectorsConfiguration configuration) {
        return new TargetPolicy(configuration.allowedPorts(), configuration.allowedNetworks(),
            configuration.deniedNetworks());
    }

    public static TargetPolicy of(Set<Integer> allowedPorts, List<NetworkRange> allowedNetworks,
                                  List<NetworkRange> deniedNetworks) {
        return new TargetPolicy(allowedPorts, allowedNetworks, deniedNetworks);
    }

    /** True when the port is on the operator's list. */
    public boolean allowsPort(int port) {
        return allowedPorts.contains(port);
    }

    /** True when a connection to that address and port would be allowed. */
    public boolean allows(InetAddress address, int port) {
        if (!allowsPort(port)) {
            return false;
        }
        InetAddress effective = embeddedIpv4(address);
        if (matchesAny(deniedNetworks, address) || matchesAny(deniedNetworks, effective)) {
            return false;
        }
        if (matchesAny(allowedNetworks, address) || matchesAny(allowedNetworks, effective)) {
            return true;
        }
        return !isSpecial(address) && !isSpecial(effective);
    }

    @Override
    public void check(String host, InetAddress address, int port) throws RemoteException {
        if (!allows(address, port)) {
            throw RemoteException.of(FailureKind.REFUSED_TARGET, REFUSAL);
        }
    }

    private static boolean isSpecial(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress()
            || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()
            || matchesAny(SPECIAL_NETWORKS, address);
    }

    private static boolean matchesAny(List<NetworkRange> networks, InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /**
     * The IPv4 address an IPv6 address stands for, when it embeds one: IPv4-mapped
     * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96})
     * and 6to4 ({@code 2002::/16}); otherwise the address itself.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        if (isZero(bytes, 0, 10) && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)
            || (bytes[10] == 0 && bytes[11] == 0))) {
            return ipv4(bytes, 12);
        }
        if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
            && isZero(bytes, 4, 12)) {
            return ipv4(bytes, 12);
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return ipv4(bytes, 2);
        }
        return address;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return Inet4Address.getByAddress(new byte[] {bytes[offset], bytes[offset + 1],
                bytes[offset + 2], bytes[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an IPv4 address", e);
        }
    }
}
