package org.jamescollectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.common.net.InetAddresses;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class NetworkRangeTest {
    @ParameterizedTest
    @CsvSource({"10.0.0.0/8,10.255.1.2,true", "10.0.0.0/8,11.0.0.1,false",
        "127.0.0.1,127.0.0.1,true", "127.0.0.1,127.0.0.2,false", "0.0.0.0/0,203.0.113.9,true",
        "fc00::/7,fd12:3456::1,true", "fc00::/7,fe80::1,false", "::1,::1,true",
        "10.0.0.0/8,::ffff:10.0.0.1,true", "172.16.0.0/12,172.31.255.255,true",
        "172.16.0.0/12,172.32.0.0,false"})
    void containsShouldFollowThePrefix(String range, String address, boolean expected) {
        InetAddress candidate = InetAddresses.forString(address);

        assertThat(NetworkRange.parse(range).contains(candidate)).isEqualTo(expected);
    }

    @Test
    void ipv4NetworkShouldNotContainIpv6Addresses() {
        assertThat(NetworkRange.parse("0.0.0.0/0").contains(InetAddresses.forString("2001:db8::1")))
            .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "::/129", "10.0.0/8", "1.2.3.4/x", ""})
    void parseShouldRefuseWhatIsNotANetwork(String text) {
        assertThatThrownBy(() -> NetworkRange.parse(text))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShouldShowTheMaskedNetwork() {
        assertThat(NetworkRange.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    }

    @Test
    void shouldRespectBeanContract() {
        EqualsVerifier.forClass(NetworkRange.class).verify();
    }
}
