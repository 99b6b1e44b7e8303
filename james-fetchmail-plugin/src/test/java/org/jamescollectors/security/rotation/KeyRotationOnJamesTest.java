package org.jamescollectors.security.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Password;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretException;
import org.jamescollectors.store.StoreSamples;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.testing.james.PluginJames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The key rotation as an operator runs it: a James task, followed in WebAdmin's /tasks. */
class KeyRotationOnJamesTest {
    private static final int COLLECTORS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final PluginJames PLUGIN = PluginJames.with(Map::of,
        RotationTestRoutes.class.getName());

    @RegisterExtension
    static final JamesServerExtension JAMES = PLUGIN.extension();

    private static JdbcStores stores;

    @AfterAll
    static void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void aRotationShouldShowInTasksAsCompletedAndReEncryptEveryCollector(GuiceJamesServer server)
        throws Exception {
        stores = PLUGIN.openStores();
        SecretCipher oldKey = PLUGIN.keyFileCipher();
        List<Collector> collectors = createCollectors(oldKey);

        String taskId = JSON.readTree(PluginJames.webAdmin(server, "POST",
            RotationTestRoutes.PATH)).get("taskId").asText();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> task(server, taskId).get("status").asText().equals("completed"));
        JsonNode task = task(server, taskId);
        JsonNode listed = JSON.readTree(PluginJames.webAdmin(server, "GET", "/tasks"));

        assertThat(task.get("type").asText()).isEqualTo("collectors-secret-key-rotation");
        assertThat(task.get("additionalInformation").get("collectorsDone").asInt())
            .isEqualTo(COLLECTORS);
        assertThat(task.get("additionalInformation").get("collectorsFailed").asInt()).isZero();
        assertThat(task.get("additionalInformation").get("keySwapped").asBoolean()).isTrue();
        assertThat(listed.findValuesAsText("taskId")).contains(taskId);
        SecretCipher newKey = PLUGIN.keyFileCipher();
        assertThat(newKey.fingerprint()).isNotEqualTo(oldKey.fingerprint())
            .isEqualTo(task.get("additionalInformation").get("newKeyFingerprint").asText());
        assertThat(Files.exists(PLUGIN.conf().resolve("collectors-secret.key.previous"))).isTrue();
        for (Collector collector : collectors) {
            String stored = stores.collectors().find(collector.id()).orElseThrow()
                .encryptedPassword();
            assertThat(newKey.decrypt(collector.id(), stored))
                .isEqualTo(Password.of(collector.name()));
            assertThatThrownBy(() -> oldKey.decrypt(collector.id(), stored))
                .isInstanceOf(SecretException.class);
        }
    }

    private static JsonNode task(GuiceJamesServer server, String taskId) throws Exception {
        return JSON.readTree(PluginJames.webAdmin(server, "GET", "/tasks/" + taskId));
    }

    private static List<Collector> createCollectors(SecretCipher cipher) throws Exception {
        List<Collector> created = new ArrayList<>();
        for (int i = 0; i < COLLECTORS; i++) {
            Collector collector = StoreSamples.collector(StoreSamples.ALICE, "password " + i)
                .toBuilder().nextRunAt(Instant.now().plus(Duration.ofDays(1))).build();
            created.add(stores.collectors().create(collector.toBuilder()
                .encryptedPassword(cipher.encrypt(collector.id(), Password.of(collector.name())))
                .build()));
        }
        return created;
    }
}
