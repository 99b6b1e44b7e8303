package org.jamescollectors.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.WRONG_STATE;

import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.jamescollectors.config.ApiSettings;
import org.jamescollectors.config.CollectorsConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.net.InetAddresses;

/**
 * Keeps credentials off the network in clear, and keeps user routes off while WebAdmin's admin
 * routes are open to the network: plain HTTP is accepted from loopback clients only, unless
 * WebAdmin runs HTTPS or the operator declares a TLS-terminating proxy.
 */
@Singleton
final class TransportGuard {
    private static final Logger LOGGER = LoggerFactory.getLogger(TransportGuard.class);
    static final String INSECURE_ADMIN = "the collector routes are off: WebAdmin listens beyond"
        + " loopback with its admin routes unauthenticated; the operator must enable jwt.enabled"
        + " in webadmin.properties, bind WebAdmin to 127.0.0.1, or set api.acceptInsecureAdmin";
    static final String CLEAR_TEXT = "credentials must not cross the network in clear: call this"
        + " server over HTTPS";

    private final boolean insecureAdmin;
    private final boolean https;
    private final boolean tlsTerminatingProxy;

    private TransportGuard(boolean insecureAdmin, boolean https, boolean tlsTerminatingProxy) {
        this.insecureAdmin = insecureAdmin;
        this.https = https;
        this.tlsTerminatingProxy = tlsTerminatingProxy;
    }

    @Inject
    TransportGuard(WebAdminConfiguration webAdmin, AuthenticationFilter adminFilter,
                   CollectorsConfiguration configuration) {
        this(insecureAdmin(webAdmin.getHost(), !(adminFilter instanceof NoAuthenticationFilter),
            configuration.api()), webAdmin.isTlsEnabled(),
            configuration.api().tlsTerminatingProxy());
        if (insecureAdmin) {
            LOGGER.error("Collector user routes answer 503: WebAdmin listens on {} with its admin"
                + " routes unauthenticated. Set jwt.enabled=true in webadmin.properties, or"
                + " host=127.0.0.1 there, or api.acceptInsecureAdmin=true in collectors.properties"
                + " if the network is yours alone.", webAdmin.getHost());
        }
    }

    static TransportGuard of(String webAdminHost, boolean adminAuthentication, boolean https,
                             ApiSettings api) {
        return new TransportGuard(insecureAdmin(webAdminHost, adminAuthentication, api), https,
            api.tlsTerminatingProxy());
    }

    private static boolean insecureAdmin(String host, boolean adminAuthentication,
                                         ApiSettings api) {
        return !adminAuthentication && !loopbackHost(host) && !api.acceptInsecureAdmin();
    }

    /** Only names that cannot mean anything but this machine count as loopback. */
    static boolean loopbackHost(String host) {
        String bare = host.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (InetAddresses.isInetAddress(bare)) {
            return InetAddresses.forString(bare).isLoopbackAddress();
        }
        return bare.equalsIgnoreCase("localhost");
    }

    /**
     * Returns the refusal for a request from that client, if any. Whether the connection is
     * encrypted comes from WebAdmin's own settings, never from what a request claims.
     */
    Optional<ApiError> refusal(ClientAddress client) {
        if (insecureAdmin) {
            return Optional.of(ApiError.of(503, WRONG_STATE, INSECURE_ADMIN)
                .code("insecure-admin"));
        }
        if (https || client.loopback()) {
            return Optional.empty();
        }
        boolean proxiedInClear = client.forwardedProto().map("http"::equals).orElse(false);
        if (tlsTerminatingProxy && !proxiedInClear) {
            return Optional.empty();
        }
        return Optional.of(ApiError.of(403, WRONG_STATE, CLEAR_TEXT).code("insecure-transport"));
    }
}
