package org.jamescollectors.webadmin;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jamescollectors.security.NetworkRange;

import com.google.common.net.InetAddresses;

/**
 * Who is calling: the peer address, or, when the peer is a trusted proxy, the first address in
 * {@code X-Forwarded-For} (read from the right) that is not a trusted proxy, with the scheme the
 * proxy says the client used. Nothing is resolved through DNS.
 */
final class ClientAddress {
    private final InetAddress address;
    private final boolean viaTrustedProxy;
    private final Optional<String> forwardedProto;

    private ClientAddress(InetAddress address, boolean viaTrustedProxy,
                          Optional<String> forwardedProto) {
        this.address = Objects.requireNonNull(address, "address");
        this.viaTrustedProxy = viaTrustedProxy;
        this.forwardedProto = forwardedProto;
    }

    /**
     * @param peer the TCP peer's address literal
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order
     * @param forwardedProto the {@code X-Forwarded-Proto} header value, if any
     */
    static ClientAddress of(String peer, List<String> forwardedFor, Optional<String> forwardedProto,
                            List<NetworkRange> trustedProxies) {
        InetAddress peerAddress = InetAddresses.forString(peer);
        if (!trusted(peerAddress, trustedProxies)) {
            return new ClientAddress(peerAddress, false, Optional.empty());
        }
        InetAddress client = peerAddress;
        for (String hop : hopsFromTheRight(forwardedFor)) {
            Optional<InetAddress> hopAddress = literal(hop);
            if (hopAddress.isEmpty()) {
                break;
            }
            client = hopAddress.get();
            if (!trusted(client, trustedProxies)) {
                break;
            }
        }
        return new ClientAddress(client, true, forwardedProto.map(ClientAddress::lastValue));
    }

    private static List<String> hopsFromTheRight(List<String> headers) {
        List<String> hops = new ArrayList<>();
        headers.forEach(header -> Arrays.stream(header.split(","))
            .map(String::strip).filter(hop -> !hop.isEmpty()).forEach(hops::add));
        Collections.reverse(hops);
        return hops;
    }

    private static Optional<InetAddress> literal(String hop) {
        String bare = hop.startsWith("[") && hop.contains("]")
            ? hop.substring(1, hop.indexOf(']'))
            : hop;
        return InetAddresses.isInetAddress(bare)
            ? Optional.of(InetAddresses.forString(bare))
            : Optional.empty();
    }

    private static String lastValue(String header) {
        String[] values = header.split(",");
        return values[values.length - 1].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean trusted(InetAddress address, List<NetworkRange> proxies) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }

    InetAddress address() {
        return address;
    }

    boolean loopback() {
        return address.isLoopbackAddress();
    }

    /** The scheme a trusted proxy reported, lower-cased; empty without a trusted proxy. */
    Optional<String> forwardedProto() {
        return forwardedProto;
    }

    boolean viaTrustedProxy() {
        return viaTrustedProxy;
    }

    /** A key for throttling, one per client address. */
    String key() {
        return InetAddresses.toAddrString(address);
    }

    @Override
    public String toString() {
        return key();
    }
}
