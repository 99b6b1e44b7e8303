package org.jamescollectors.config;

import java.time.Duration;
import java.util.List;

import org.jamescollectors.security.NetworkRange;

/**
 * The settings of the self-service HTTP API and of the provider assistant, the {@code api.*} and
 * {@code providers.*} keys of {@code collectors.properties}.
 */
public final class ApiSettings {
    private List<String> jwtPublicKeys;
    private List<NetworkRange> trustedProxies;
    private boolean tlsTerminatingProxy;
    private boolean acceptInsecureAdmin;
    private int maxFailuresPerLogin;
    private int maxFailuresPerAddress;
    private Duration failureWindow;
    private Duration failureDelay;
    private int validationsPerUser;
    private Duration validationWindow;
    private String providersFolder;
    private boolean dnsLookup;

    private ApiSettings() {
    }

    static ApiSettings read(SettingsReader reader) {
        ApiSettings settings = new ApiSettings();
        settings.readTransport(reader);
        settings.readThrottling(reader);
        settings.readProviders(reader);
        settings.checkCoherence(reader);
        return settings;
    }

    private void readTransport(SettingsReader reader) {
        jwtPublicKeys = reader.list("api.jwt.publicKeys");
        trustedProxies = reader.eachOf("api.trustedProxies", NetworkRange::parse);
        tlsTerminatingProxy = reader.bool("api.tlsTerminatingProxy", false);
        acceptInsecureAdmin = reader.bool("api.acceptInsecureAdmin", false);
    }

    private void readThrottling(SettingsReader reader) {
        maxFailuresPerLogin = reader.integer("api.auth.maxFailuresPerLogin", 10, 1, 10_000);
        maxFailuresPerAddress =
            reader.integer("api.auth.maxFailuresPerAddress", 500, 1, 10_000_000);
        failureWindow = reader.duration("api.auth.failureWindow", Duration.ofMinutes(15),
            Duration.ofSeconds(1));
        failureDelay = reader.duration("api.auth.failureDelay", Duration.ofSeconds(1),
            Duration.ZERO);
        validationsPerUser = reader.integer("api.validation.maxPerUser", 20, 1, 100_000);
        validationWindow = reader.duration("api.validation.window", Duration.ofHours(1),
            Duration.ofSeconds(1));
    }

    private void readProviders(SettingsReader reader) {
        providersFolder = reader.string("providers.folder")
            .orElse("file://conf/collectors-providers");
        dnsLookup = reader.bool("providers.dnsLookup", true);
    }

    private void checkCoherence(SettingsReader reader) {
        if (maxFailuresPerAddress < maxFailuresPerLogin) {
            reader.problem("api.auth.maxFailuresPerAddress", "must be at least"
                + " api.auth.maxFailuresPerLogin (" + maxFailuresPerLogin + "): a webmail puts many"
                + " users behind one address");
        }
        if (failureDelay.compareTo(Duration.ofSeconds(10)) > 0) {
            reader.problem("api.auth.failureDelay", "must not exceed 10s: each delayed answer holds"
                + " one of WebAdmin's threads");
        }
    }

    /** James FileSystem URLs or paths of the PEM public keys user tokens are verified with. */
    public List<String> jwtPublicKeys() {
        return jwtPublicKeys;
    }

    /** Proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed. */
    public List<NetworkRange> trustedProxies() {
        return List.copyOf(trustedProxies);
    }

    /** The operator declares that a proxy terminates TLS in front of WebAdmin. */
    public boolean tlsTerminatingProxy() {
        return tlsTerminatingProxy;
    }

    /** The operator accepts user routes while WebAdmin's admin routes are open beyond loopback. */
    public boolean acceptInsecureAdmin() {
        return acceptInsecureAdmin;
    }

    /** Failed sign-ins of one login within the window before it is refused with 429. */
    public int maxFailuresPerLogin() {
        return maxFailuresPerLogin;
    }

    /** Failed sign-ins from one client address within the window before it is refused. */
    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public Duration failureWindow() {
        return failureWindow;
    }

    /** How long a failed sign-in is held before its 401, from the third failure of a login on. */
    public Duration failureDelay() {
        return failureDelay;
    }

    /** Live checks of remote accounts one user may cause within the validation window. */
    public int validationsPerUser() {
        return validationsPerUser;
    }

    public Duration validationWindow() {
        return validationWindow;
    }

    /** The operator's folder of extra ISPDB provider files (James FileSystem URL or path). */
    public String providersFolder() {
        return providersFolder;
    }

    /** Whether unknown domains are looked up in DNS (MX to a known provider, RFC 6186 SRV). */
    public boolean dnsLookup() {
        return dnsLookup;
    }
}
