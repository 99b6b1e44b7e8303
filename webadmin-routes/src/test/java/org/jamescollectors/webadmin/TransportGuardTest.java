package org.jamescollectors.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jamescollectors.config.ApiSettings;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.security.NetworkRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportGuardTest {
    private static final ClientAddress REMOTE = ClientAddress.of("203.0.113.5", List.of(),
        Optional.empty(), List.of());
    private static final ClientAddress LOCAL = ClientAddress.of("127.0.0.1", List.of(),
        Optional.empty(), List.of());

    private static ApiSettings api(Map<String, String> settings) throws Exception {
        return CollectorsConfiguration.fromMap(settings).api();
    }

    @Test
    void plainHttpFromAnotherHostShouldBeRefused() throws Exception {
        TransportGuard guard = TransportGuard.of("127.0.0.1", false, false, api(Map.of()));

        assertThat(guard.refusal(REMOTE)).hasValueSatisfying(error -> {
            assertThat(error.status()).isEqualTo(403);
            assertThat(error.code()).contains("insecure-transport");
        });
        assertThat(guard.refusal(LOCAL)).isEmpty();
    }

    @Test
    void httpsShouldBeAcceptedFromAnywhere() throws Exception {
        TransportGuard guard = TransportGuard.of("127.0.0.1", false, true, api(Map.of()));

        assertThat(guard.refusal(REMOTE)).isEmpty();
    }

    @Test
    void aDeclaredTlsProxyShouldLiftTheRefusalUnlessItSaysTheClientUsedHttp() throws Exception {
        TransportGuard guard = TransportGuard.of("127.0.0.1", false, false,
            api(Map.of("api.tlsTerminatingProxy", "true")));
        List<NetworkRange> proxy = List.of(NetworkRange.parse("10.0.0.1"));
        ClientAddress viaHttp = ClientAddress.of("10.0.0.1", List.of("203.0.113.5"),
            Optional.of("http"), proxy);

        assertThat(guard.refusal(REMOTE)).isEmpty();
        assertThat(guard.refusal(viaHttp)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.4", "::", "james.example", "[::]"})
    void userRoutesShouldBeOffWhileAdminRoutesAreOpenBeyondLoopback(String host) throws Exception {
        TransportGuard guard = TransportGuard.of(host, false, true, api(Map.of()));

        assertThat(guard.refusal(LOCAL)).hasValueSatisfying(error -> {
            assertThat(error.status()).isEqualTo(503);
            assertThat(error.message()).contains("jwt.enabled").contains("api.acceptInsecureAdmin");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"})
    void adminRoutesOnLoopbackShouldNotTurnUserRoutesOff(String host) throws Exception {
        TransportGuard guard = TransportGuard.of(host, false, false, api(Map.of()));

        assertThat(guard.refusal(LOCAL)).isEmpty();
    }

    @Test
    void adminAuthenticationOrTheOperatorsConsentShouldKeepUserRoutesOn() throws Exception {
        TransportGuard authenticated = TransportGuard.of("0.0.0.0", true, true, api(Map.of()));
        TransportGuard accepted = TransportGuard.of("0.0.0.0", false, true,
            api(Map.of("api.acceptInsecureAdmin", "true")));

        assertThat(authenticated.refusal(REMOTE)).isEmpty();
        assertThat(accepted.refusal(REMOTE)).isEmpty();
    }
}
