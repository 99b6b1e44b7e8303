package org.jamescollectors.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.jamescollectors.security.NetworkRange;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final List<NetworkRange> PROXIES = List.of(NetworkRange.parse("10.0.0.0/24"));

    @Test
    void forwardedHeadersShouldBeIgnoredFromAnUntrustedPeer() {
        ClientAddress client = ClientAddress.of("203.0.113.5", List.of("127.0.0.1"),
            Optional.of("https"), PROXIES);

        assertThat(client.key()).isEqualTo("203.0.113.5");
        assertThat(client.loopback()).isFalse();
        assertThat(client.forwardedProto()).isEmpty();
    }

    @Test
    void theFirstUntrustedHopFromTheRightShouldBeTheClient() {
        ClientAddress client = ClientAddress.of("10.0.0.2",
            List.of("127.0.0.1, 198.51.100.7", "10.0.0.3"), Optional.of("http, https"), PROXIES);

        assertThat(client.key()).isEqualTo("198.51.100.7");
        assertThat(client.viaTrustedProxy()).isTrue();
        assertThat(client.forwardedProto()).contains("https");
    }

    @Test
    void aMalformedHopShouldStopTheWalk() {
        ClientAddress client = ClientAddress.of("10.0.0.2", List.of("198.51.100.7, unknown"),
            Optional.empty(), PROXIES);

        assertThat(client.key()).isEqualTo("10.0.0.2");
    }

    @Test
    void bracketedIpv6HopsShouldBeRead() {
        ClientAddress client = ClientAddress.of("10.0.0.2", List.of("[2001:db8::7]"),
            Optional.empty(), PROXIES);

        assertThat(client.key()).isEqualTo("2001:db8::7");
    }

    @Test
    void noForwardedHeaderShouldLeaveThePeer() {
        ClientAddress client = ClientAddress.of("10.0.0.2", List.of(), Optional.empty(), PROXIES);

        assertThat(client.key()).isEqualTo("10.0.0.2");
    }
}
