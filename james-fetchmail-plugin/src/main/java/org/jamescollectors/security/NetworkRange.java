package org.jamescollectors.security;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

import com.google.common.net.InetAddresses;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address
 * is a network of one. Parsing never consults DNS.
 */
public final class NetworkRange {
    private final byte[] network;
    private final int prefixLength;

    private NetworkRange(byte[] network, int prefixLength) {
        this.network = mask(network, prefixLength);
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code address[/prefix]}; throws {@link IllegalArgumentException} saying what is
     * wrong.
     */
    public static NetworkRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!InetAddresses.isInetAddress(address)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network"
                + " (for example 192.0.2.0/24 or 2001:db8::/32)");
        }
        byte[] bytes = InetAddresses.forString(address).getAddress();
        int maxPrefix = bytes.length * 8;
        int prefix = slash < 0 ? maxPrefix
            : parsePrefix(text, trimmed.substring(slash + 1), maxPrefix);
        return new NetworkRange(bytes, prefix);
    }

    private static int parsePrefix(String text, String prefix, int maxPrefix) {
        try {
            int value = Integer.parseInt(prefix);
            if (value >= 0 && value <= maxPrefix) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
            "'" + text + "' has a prefix length outside 0.." + maxPrefix);
    }

    /** True when the address lies in this network; an IPv4 address never lies in an IPv6 one. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length
            && Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefixLength - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - bitsKept)));
        }
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkRange && ((NetworkRange) o).prefixLength == prefixLength
            && Arrays.equals(((NetworkRange) o).network, network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(network), prefixLength);
    }

    @Override
    public String toString() {
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(network))
                + "/" + prefixLength;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
        }
    }
}
