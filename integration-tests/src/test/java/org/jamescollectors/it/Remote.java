package org.jamescollectors.it;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.core.Username;
import org.awaitility.Awaitility;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotServer;

/** Collectors aimed at the test Dovecot, created straight in the plugin's store, and their runs. */
final class Remote {
    private Remote() {
    }

    /**
     * Settings that let collectors reach the test Dovecot on 127.0.0.1 and trust its certificate.
     */
    static Map<String, String> settingsFor(DovecotServer dovecot) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("targets.allowedNetworks", "127.0.0.1/32");
        settings.put("targets.allowedPorts", String.join(",",
            port(dovecot, Protocol.POP3, Security.TLS),
            port(dovecot, Protocol.POP3, Security.STARTTLS),
            port(dovecot, Protocol.IMAP, Security.TLS),
            port(dovecot, Protocol.IMAP, Security.STARTTLS)));
        settings.put("remote.trustStore", "file://" + dovecot.trustStore().toAbsolutePath());
        settings.put("remote.trustStorePassword", DovecotServer.TRUST_STORE_PASSWORD);
        settings.put("remote.readTimeout", "20s");
        settings.put("collection.minimumInterval", "0s");
        return settings;
    }

    private static String port(DovecotServer dovecot, Protocol protocol, Security security) {
        return Integer.toString(dovecot.port(protocol, security));
    }

    static RemoteAccount account(DovecotServer dovecot, Protocol protocol, Security security,
                                 String user) {
        return RemoteAccount.of(protocol, "localhost", dovecot.port(protocol, security), security,
            user, Optional.empty());
    }

    /** Stores a collector that only runs when a test asks (its scheduled run is a day away). */
    static Collector create(TestHooks hooks, Username owner, RemoteAccount account, String password,
                            Retention retention, Optional<String> targetFolder) throws Exception {
        CollectorId id = CollectorId.random();
        Instant now = Instant.now();
        return hooks.stores().collectors().create(Collector.builder()
            .id(id)
            .owner(owner)
            .name("collector " + id.asString().substring(0, 8))
            .account(account)
            .encryptedPassword(hooks.cipher().encrypt(id, Password.of(password)))
            .retention(retention)
            .targetFolder(targetFolder)
            .createdAt(now)
            .nextRunAt(now.plus(Duration.ofDays(1)))
            .build());
    }

    /**
     * Asks for a run now and waits until it has ended and the scheduler has let go of the
     * collector, so that the next request starts a new run instead of returning this one.
     * A request refused because the remote host already has its share of sessions (other
     * collectors of the same test may be running on schedule) is asked again.
     */
    static Run runNow(TestHooks hooks, CollectorId id) throws Exception {
        AtomicReference<Run> launched = new AtomicReference<>();
        Awaitility.await("collector " + id + " to start").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> {
                hooks.scheduler().runNow(id).ifPresent(launched::set);
                return launched.get() != null;
            });
        Run started = launched.get();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
            .until(() -> hooks.scheduler().runningRun(id).isEmpty());
        return hooks.stores().runs().find(id, started.id()).orElseThrow();
    }
}
