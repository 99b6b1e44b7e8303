package org.jamescollectors.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.jamescollectors.security.NetworkRange;

/**
 * The plugin's settings, read from James' {@code conf/collectors.properties} and validated as a
 * whole: {@link #from} reports every problem at once, each naming its key. Every key has a
 * default, so an absent file means the defaults. The README's configuration reference lists them.
 */
public final class CollectorsConfiguration {
    public static final String FILE_NAME = "collectors.properties";
    public static final String STORE_PREFIX = "store.jdbc.";
    private static final List<String> STORE_KEYS =
        List.of("url", "username", "password", "driver", "poolSize");
    private static final Set<String> LANGUAGES = Set.of("en", "fr");

    private Duration interval;
    private Duration minimumInterval;
    private int concurrency;
    private int perHostConcurrency;
    private int maxMessagesPerRun;
    private int parallelDeliveries;
    private long maxBytesPerRun;
    private Duration leaseDuration;
    private int runHistorySize;
    private long maxMessageSize;
    private Duration connectTimeout;
    private Duration handshakeTimeout;
    private Duration readTimeout;
    private boolean allowPlaintext;
    private Optional<String> trustStore;
    private Optional<String> trustStorePassword;
    private String trustStoreType;
    private Set<Integer> allowedPorts;
    private List<NetworkRange> allowedNetworks;
    private List<NetworkRange> deniedNetworks;
    private CollectorAllowance allowance;
    private String secretKeyFile;
    private int pauseAfterAuthenticationFailures;
    private Duration pauseAfterFailingFor;
    private Duration backoffInitial;
    private Duration backoffMax;
    private Duration unknownOwnerGracePeriod;
    private String notificationLanguage;
    private boolean notificationsEnabled;
    private Optional<String> nodeId;
    private Map<String, String> store;
    private ApiSettings api;

    private CollectorsConfiguration() {
    }

    /** Reads and checks every setting; throws with the full list of problems if any. */
    public static CollectorsConfiguration from(Configuration configuration)
        throws CollectorsConfigurationException {
        SettingsReader reader = new SettingsReader(FILE_NAME, configuration);
        CollectorsConfiguration result = new CollectorsConfiguration();
        result.readCollection(reader);
        result.readRemote(reader);
        result.readTargets(reader);
        result.readAllowance(reader);
        result.readFailures(reader);
        result.readRest(reader);
        result.api = ApiSettings.read(reader);
        result.checkCoherence(reader);
        reader.finish();
        return result;
    }

    /** Same as {@link #from(Configuration)} over plain key/value pairs (tests, tools). */
    public static CollectorsConfiguration fromMap(Map<String, String> settings)
        throws CollectorsConfigurationException {
        return from(new MapConfiguration(new LinkedHashMap<>(settings)));
    }

    /** Every default. */
    public static CollectorsConfiguration defaults() {
        try {
            return fromMap(Map.of());
        } catch (CollectorsConfigurationException e) {
            throw new IllegalStateException("the defaults are valid", e);
        }
    }

    private void readCollection(SettingsReader reader) {
        interval = reader.duration("collection.interval", Duration.ofHours(1),
            Duration.ofSeconds(1));
        minimumInterval = reader.duration("collection.minimumInterval", Duration.ofMinutes(5),
            Duration.ZERO);
        concurrency = reader.integer("collection.concurrency", 4, 1, 256);
        perHostConcurrency = reader.integer("collection.perHostConcurrency", 2, 1, 256);
        maxMessagesPerRun = reader.integer("collection.maxMessagesPerRun", 1000, 1, 1_000_000);
        parallelDeliveries = reader.integer("collection.parallelDeliveries", 2, 1, 16);
        maxBytesPerRun = reader.size("collection.maxBytesPerRun", 1L << 30, 1);
        leaseDuration = reader.duration("collection.leaseDuration", Duration.ofMinutes(10),
            Duration.ofSeconds(5));
        runHistorySize = reader.integer("collection.runHistorySize", 50, 1, 10_000);
        maxMessageSize = reader.size("message.maxSize", 50L << 20, 1024);
    }

    private void readRemote(SettingsReader reader) {
        Duration oneMilli = Duration.ofMillis(1);
        connectTimeout = reader.duration("remote.connectTimeout", Duration.ofSeconds(30), oneMilli);
        handshakeTimeout = reader.duration("remote.handshakeTimeout", Duration.ofSeconds(30),
            oneMilli);
        readTimeout = reader.duration("remote.readTimeout", Duration.ofMinutes(2), oneMilli);
        allowPlaintext = reader.bool("remote.allowPlaintext", false);
        trustStore = reader.string("remote.trustStore");
        trustStorePassword = reader.string("remote.trustStorePassword");
        trustStoreType = reader.string("remote.trustStoreType").orElse("PKCS12");
    }

    private void readTargets(SettingsReader reader) {
        allowedPorts = new TreeSet<>();
        List<String> ports = reader.list("targets.allowedPorts");
        for (String port : ports.isEmpty() ? List.of("110", "143", "993", "995") : ports) {
            try {
                int value = Integer.parseInt(port);
                if (value < 1 || value > 65535) {
                    throw new NumberFormatException();
                }
                allowedPorts.add(value);
            } catch (NumberFormatException e) {
                reader.problem("targets.allowedPorts", "'" + port + "' is not a port (1..65535)");
            }
        }
        allowedNetworks = reader.eachOf("targets.allowedNetworks", NetworkRange::parse);
        deniedNetworks = reader.eachOf("targets.deniedNetworks", NetworkRange::parse);
    }

    private void readAllowance(SettingsReader reader) {
        int base = reader.integer("limits.collectors.base", 2, 0, 1000);
        int unlimited = reader.integer("limits.collectors.unlimitedQuota", 5, 0, 1000);
        List<CollectorAllowance.Tier> tiers = new ArrayList<>();
        List<String> items = reader.string("limits.collectors.tiers").isPresent()
            ? reader.list("limits.collectors.tiers") : List.of("5GiB:5");
        for (String item : items) {
            parseTier(reader, item).ifPresent(tiers::add);
        }
        allowance = CollectorAllowance.of(base, tiers, unlimited);
    }

    private static Optional<CollectorAllowance.Tier> parseTier(SettingsReader reader, String item) {
        String key = "limits.collectors.tiers";
        int colon = item.lastIndexOf(':');
        if (colon < 0) {
            reader.problem(key, "'" + item + "' is not quota:count (for example 5GiB:5)");
            return Optional.empty();
        }
        try {
            long quota = SettingValues.size(item.substring(0, colon));
            int count = Integer.parseInt(item.substring(colon + 1).trim());
            if (count < 0 || count > 1000) {
                throw new InvalidSettingException(
                    "the count in '" + item + "' must be within 0..1000");
            }
            return Optional.of(CollectorAllowance.Tier.of(quota, count));
        } catch (InvalidSettingException e) {
            reader.problem(key, e.getMessage());
        } catch (NumberFormatException e) {
            reader.problem(key, "'" + item + "' is not quota:count (for example 5GiB:5)");
        }
        return Optional.empty();
    }

    private void readFailures(SettingsReader reader) {
        pauseAfterAuthenticationFailures =
            reader.integer("failures.pauseAfterAuthenticationFailures", 2, 1, 100);
        pauseAfterFailingFor = reader.duration("failures.pauseAfterFailingFor", Duration.ofDays(3),
            Duration.ofMinutes(1));
        backoffInitial = reader.duration("failures.backoffInitial", Duration.ofMinutes(5),
            Duration.ofMillis(1));
        backoffMax = reader.duration("failures.backoffMax", Duration.ofHours(6),
            Duration.ofMillis(1));
        unknownOwnerGracePeriod = reader.duration("owners.unknownGracePeriod", Duration.ofDays(30),
            Duration.ZERO);
    }

    private void readRest(SettingsReader reader) {
        secretKeyFile = reader.string("secret.keyFile").orElse("file://conf/collectors-secret.key");
        notificationLanguage = reader.string("notifications.language").orElse("en")
            .toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(notificationLanguage)) {
            reader.problem("notifications.language", "'" + notificationLanguage
                + "' has no templates; use one of " + new TreeSet<>(LANGUAGES));
        }
        notificationsEnabled = reader.bool("notifications.enabled", true);
        nodeId = reader.string("node.id");
        store = new LinkedHashMap<>();
        for (String key : STORE_KEYS) {
            reader.string(STORE_PREFIX + key)
                .ifPresent(value -> store.put(STORE_PREFIX + key, value));
        }
        if (!store.isEmpty() && !store.containsKey(STORE_PREFIX + "url")) {
            reader.problem(STORE_PREFIX + "url", "is required when any other " + STORE_PREFIX
                + "* setting is given (for example jdbc:postgresql://db.example:5432/james)");
        }
        if (store.containsKey(STORE_PREFIX + "poolSize")) {
            reader.integer(STORE_PREFIX + "poolSize", 4, 1, 64);
        }
    }

    private void checkCoherence(SettingsReader reader) {
        if (minimumInterval.compareTo(interval) > 0) {
            reader.problem("collection.minimumInterval", "must not exceed collection.interval ("
                + interval.toString().substring(2).toLowerCase() + ")");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            reader.problem("failures.backoffMax", "must be at least failures.backoffInitial");
        }
        if (trustStore.isPresent() && trustStorePassword.isEmpty()) {
            reader.problem("remote.trustStorePassword", "is required with remote.trustStore");
        }
    }

    /** How often each active collector runs. */
    public Duration interval() {
        return interval;
    }

    /** The shortest spacing between two runs of one collector, "collect now" included. */
    public Duration minimumInterval() {
        return minimumInterval;
    }

    /** How many collectors this node runs at once. */
    public int concurrency() {
        return concurrency;
    }

    /** How many sessions this node opens at once to one remote host. */
    public int perHostConcurrency() {
        return perHostConcurrency;
    }

    /** How many messages of one run may be in James' pipeline at once (1: the remote order). */
    public int parallelDeliveries() {
        return parallelDeliveries;
    }

    public int maxMessagesPerRun() {
        return maxMessagesPerRun;
    }

    public long maxBytesPerRun() {
        return maxBytesPerRun;
    }

    /** How long a node holds a collector's run lease before another may take it over. */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    public int runHistorySize() {
        return runHistorySize;
    }

    /** Messages above this size stay on the remote server. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Whether collectors may use security "none" (credentials in clear). */
    public boolean allowPlaintext() {
        return allowPlaintext;
    }

    /** An extra trust store (James FileSystem URL or path) trusted besides the JVM's. */
    public Optional<String> trustStore() {
        return trustStore;
    }

    public Optional<String> trustStorePassword() {
        return trustStorePassword;
    }

    public String trustStoreType() {
        return trustStoreType;
    }

    public Set<Integer> allowedPorts() {
        return Set.copyOf(allowedPorts);
    }

    /** Networks allowed although they would be refused by default (private, loopback, ...). */
    public List<NetworkRange> allowedNetworks() {
        return List.copyOf(allowedNetworks);
    }

    /** Networks refused on top of the default refusals. */
    public List<NetworkRange> deniedNetworks() {
        return List.copyOf(deniedNetworks);
    }

    public CollectorAllowance allowance() {
        return allowance;
    }

    /** Where the secret key lives: a James FileSystem URL ({@code file://conf/...}) or a path. */
    public String secretKeyFile() {
        return secretKeyFile;
    }

    public int pauseAfterAuthenticationFailures() {
        return pauseAfterAuthenticationFailures;
    }

    public Duration pauseAfterFailingFor() {
        return pauseAfterFailingFor;
    }

    public Duration backoffInitial() {
        return backoffInitial;
    }

    public Duration backoffMax() {
        return backoffMax;
    }

    public Duration unknownOwnerGracePeriod() {
        return unknownOwnerGracePeriod;
    }

    public String notificationLanguage() {
        return notificationLanguage;
    }

    /** Whether owners get a mail when their collector is paused. */
    public boolean notificationsEnabled() {
        return notificationsEnabled;
    }

    /** This node's name in leases; empty means one is made from the host name. */
    public Optional<String> nodeId() {
        return nodeId;
    }

    /**
     * The {@code store.jdbc.*} settings as given; empty means James' database or embedded Derby.
     */
    public Map<String, String> storeSettings() {
        return Map.copyOf(store);
    }

    /** The self-service API's and the provider assistant's settings. */
    public ApiSettings api() {
        return api;
    }
}
