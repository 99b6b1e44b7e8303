package org.jamescollectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.common.net.InetAddresses;

class TargetPolicyTest {
    private static final TargetPolicy DEFAULTS =
        TargetPolicy.of(Set.of(110, 143, 993, 995), List.of(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.254",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1",
        "255.255.255.255", "240.0.0.1", "198.18.0.1", "::", "::1", "fe80::1", "fd00:ec2::254",
        "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
        "64:ff9b::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::", "192.0.0.170"})
    void allowsShouldRefuseSpecialAddresses(String address) {
        assertThat(DEFAULTS.allows(InetAddresses.forString(address), 993)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "93.184.216.34", "2a00:1450:4007:80e::2005", "172.32.0.1",
        "100.128.0.1", "::ffff:8.8.8.8"})
    void allowsShouldAcceptPublicAddressesOnAllowedPorts(String address) {
        assertThat(DEFAULTS.allows(InetAddresses.forString(address), 993)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {22, 25, 80, 443, 3306, 5432, 6379, 8080, 1, 65535})
    void allowsShouldRefusePortsOffTheList(int port) {
        assertThat(DEFAULTS.allows(InetAddresses.forString("1.1.1.1"), port)).isFalse();
    }

    @Test
    void allowsShouldLetThroughWhatTheOperatorAllows() {
        TargetPolicy policy = TargetPolicy.of(Set.of(10143),
            List.of(NetworkRange.parse("127.0.0.1/32")), List.of());

        assertThat(policy.allows(InetAddresses.forString("127.0.0.1"), 10143)).isTrue();
        assertThat(policy.allows(InetAddresses.forString("::ffff:127.0.0.1"), 10143)).isTrue();
        assertThat(policy.allows(InetAddresses.forString("127.0.0.2"), 10143)).isFalse();
    }

    @Test
    void allowsShouldRefuseDeniedNetworksEvenWhenPublicOrAllowed() {
        TargetPolicy policy = TargetPolicy.of(Set.of(993),
            List.of(NetworkRange.parse("203.0.113.0/24"), NetworkRange.parse("8.8.0.0/16")),
            List.of(NetworkRange.parse("8.8.8.0/24")));

        assertThat(policy.allows(InetAddresses.forString("8.8.8.8"), 993)).isFalse();
        assertThat(policy.allows(InetAddresses.forString("8.8.4.4"), 993)).isTrue();
    }

    @Test
    void checkShouldRefuseWithoutTellingWhatListens() {
        assertThatThrownBy(
            () -> DEFAULTS.check("localhost", InetAddresses.forString("127.0.0.1"), 993))
            .isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.REFUSED_TARGET));
    }
}
