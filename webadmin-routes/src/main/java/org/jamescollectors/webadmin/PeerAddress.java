package org.jamescollectors.webadmin;

import java.net.InetSocketAddress;
import java.util.Optional;

import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;

import org.eclipse.jetty.server.Request;

import com.google.common.net.InetAddresses;

/**
 * The address of the TCP peer of a request. Spark installs Jetty's forwarded-header customizer,
 * which makes {@code getRemoteAddr()} (and {@code isSecure()}) answer whatever any client writes
 * in {@code X-Forwarded-For} (and {@code X-Forwarded-Proto}); the peer is read from Jetty's
 * connection instead, and forwarded headers are believed only from trusted proxies.
 */
final class PeerAddress {
    private PeerAddress() {
    }

    static String of(ServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper) {
            current = ((ServletRequestWrapper) current).getRequest();
        }
        if (current instanceof Request) {
            Optional<String> peer = endpoint((Request) current);
            if (peer.isPresent()) {
                return peer.get();
            }
        }
        throw new IllegalStateException("the TCP peer of a WebAdmin request cannot be read;"
            + " Jetty's request was expected");
    }

    private static Optional<String> endpoint(Request request) {
        return Optional.ofNullable(request.getHttpChannel())
            .map(channel -> channel.getEndPoint())
            .map(endPoint -> endPoint.getRemoteAddress())
            .map(InetSocketAddress::getAddress)
            .map(InetAddresses::toAddrString);
    }
}
