package org.jamescollectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiSettingsTest {
    @Test
    void defaultsShouldBeSafe() {
        ApiSettings api = CollectorsConfiguration.defaults().api();

        assertThat(api.jwtPublicKeys()).isEmpty();
        assertThat(api.trustedProxies()).isEmpty();
        assertThat(api.tlsTerminatingProxy()).isFalse();
        assertThat(api.acceptInsecureAdmin()).isFalse();
        assertThat(api.maxFailuresPerLogin()).isEqualTo(10);
        assertThat(api.maxFailuresPerAddress()).isEqualTo(500);
        assertThat(api.failureWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(api.failureDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(api.validationsPerUser()).isEqualTo(20);
        assertThat(api.validationWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(api.providersFolder()).isEqualTo("file://conf/collectors-providers");
        assertThat(api.dnsLookup()).isTrue();
    }

    @Test
    void fromShouldReadEveryApiSetting() throws Exception {
        CollectorsConfiguration configuration = CollectorsConfiguration.fromMap(Map.ofEntries(
            Map.entry("api.jwt.publicKeys", "file://conf/webmail.pub, /etc/james/other.pub"),
            Map.entry("api.trustedProxies", "10.0.0.0/8"),
            Map.entry("api.tlsTerminatingProxy", "true"),
            Map.entry("api.acceptInsecureAdmin", "true"),
            Map.entry("api.auth.maxFailuresPerLogin", "5"),
            Map.entry("api.auth.maxFailuresPerAddress", "1000"),
            Map.entry("api.auth.failureWindow", "5m"),
            Map.entry("api.auth.failureDelay", "0ms"),
            Map.entry("api.validation.maxPerUser", "3"),
            Map.entry("api.validation.window", "10m"),
            Map.entry("providers.folder", "file://conf/providers"),
            Map.entry("providers.dnsLookup", "false")));

        ApiSettings api = configuration.api();

        assertThat(api.jwtPublicKeys()).containsExactly("file://conf/webmail.pub",
            "/etc/james/other.pub");
        assertThat(api.trustedProxies()).singleElement()
            .satisfies(range ->
                assertThat(range.contains(InetAddress.getByName("10.1.2.3"))).isTrue());
        assertThat(api.tlsTerminatingProxy()).isTrue();
        assertThat(api.acceptInsecureAdmin()).isTrue();
        assertThat(api.maxFailuresPerLogin()).isEqualTo(5);
        assertThat(api.maxFailuresPerAddress()).isEqualTo(1000);
        assertThat(api.failureWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(api.failureDelay()).isEqualTo(Duration.ZERO);
        assertThat(api.validationsPerUser()).isEqualTo(3);
        assertThat(api.validationWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(api.providersFolder()).isEqualTo("file://conf/providers");
        assertThat(api.dnsLookup()).isFalse();
    }

    @Test
    void fromShouldReportEveryApiProblemNamingItsKey() {
        Map<String, String> broken = Map.of(
            "api.trustedProxies", "proxy.example.test",
            "api.tlsTerminatingProxy", "yes",
            "api.auth.maxFailuresPerLogin", "0",
            "api.auth.failureWindow", "soon",
            "api.auth.failureDelay", "1m",
            "api.validation.maxPerUser", "-1",
            "providers.dnsLookup", "maybe");

        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(broken))
            .isInstanceOfSatisfying(CollectorsConfigurationException.class, e ->
                assertThat(e.problems()).hasSize(7)
                    .anySatisfy(p -> assertThat(p).startsWith("api.trustedProxies:"))
                    .anySatisfy(p -> assertThat(p).startsWith("api.tlsTerminatingProxy:"))
                    .anySatisfy(p -> assertThat(p).startsWith("api.auth.maxFailuresPerLogin:"))
                    .anySatisfy(p -> assertThat(p).startsWith("api.auth.failureWindow:"))
                    .anySatisfy(p -> assertThat(p).startsWith("api.auth.failureDelay: must not"))
                    .anySatisfy(p -> assertThat(p).startsWith("api.validation.maxPerUser:"))
                    .anySatisfy(p -> assertThat(p).startsWith("providers.dnsLookup:")));
    }

    @Test
    void fromShouldRefuseAnAddressThresholdBelowTheLoginThreshold() {
        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(Map.of(
            "api.auth.maxFailuresPerLogin", "50", "api.auth.maxFailuresPerAddress", "20")))
            .isInstanceOfSatisfying(CollectorsConfigurationException.class, e ->
                assertThat(e.problems()).singleElement().asString()
                    .startsWith("api.auth.maxFailuresPerAddress: must be at least"));
    }
}
