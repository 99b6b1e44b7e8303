package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.security.rotation.SecretKeyRing;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.store.jdbc.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node whose secret key is not the one the shared store's passwords were sealed with (another
 * node made its own, or the wrong file was restored) must not collect: James starts, the reason
 * is reported, and not even a collector long overdue is run.
 */
class ForeignKeyStoreTest {
    private static final String OTHER_NODES_KEY = "sha256:00112233445566778899";

    @RegisterExtension
    static final JamesServerExtension JAMES =
        CollectorsJames.perClass(ForeignKeyStoreTest::storeSealedByAnotherKey);

    private static Map<String, String> storeSealedByAnotherKey() {
        try {
            Path folder = Files.createTempDirectory("shared-store-");
            StoreLocation location = StoreLocation.embeddedDerby(folder, 2);
            try (JdbcStores shared = JdbcStores.open(location)) {
                shared.metadata().put(SecretKeyRing.FINGERPRINT, OTHER_NODES_KEY);
                Instant longAgo = Instant.now().minus(Duration.ofDays(1));
                shared.collectors().create(Collector.builder().id(CollectorId.random())
                    .owner(Username.of("owner@" + CollectorsJames.DOMAIN)).name("overdue")
                    .account(RemoteAccount.imap("imap.example.net", 993, Security.TLS, "owner",
                        Optional.empty()))
                    .encryptedPassword("v1:sealed-elsewhere").createdAt(longAgo)
                    .nextRunAt(longAgo).build());
            }
            return Map.of("store.jdbc.url", location.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DuplicateCollectorException e) {
            throw new IllegalStateException("a fresh store has no collector yet", e);
        }
    }

    @Test
    void nodeWithAnotherKeyShouldRefuseToCollectAndSayWhy() throws Exception {
        TestHooks hooks = TestHooks.current();
        Thread.sleep(2000);

        assertThat(hooks.status().isStarted()).isFalse();
        assertThat(hooks.status().refusal()).hasValueSatisfying(reason ->
            assertThat(reason).contains("secret key").contains(OTHER_NODES_KEY));
        assertThat(hooks.scheduler().lastTick()).isEqualTo(Instant.EPOCH);
        assertThat(hooks.stores().runs().recent(
            hooks.stores().collectors().page(Optional.empty(), 10).get(0).id(), 10)).isEmpty();
        assertThat(hooks.stores().metadata().get(SecretKeyRing.FINGERPRINT))
            .contains(OTHER_NODES_KEY);
    }
}
