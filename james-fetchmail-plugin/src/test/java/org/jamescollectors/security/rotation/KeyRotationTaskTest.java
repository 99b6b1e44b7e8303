package org.jamescollectors.security.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.james.task.Task;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Password;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.store.StoreSamples;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTaskTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"),
        ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final InMemoryStores stores = InMemoryStores.create();

    @Test
    void runShouldCompleteAndShowWhatItDid() throws Exception {
        KeyRotationTask task = KeyRotationTask.of(rotationOver(2), CLOCK);

        Task.Result result = task.run();

        assertThat(result).isEqualTo(Task.Result.COMPLETED);
        assertThat(task.type().asString()).isEqualTo("collectors-secret-key-rotation");
        KeyRotationDetails details = (KeyRotationDetails) task.details().orElseThrow();
        assertThat(details.collectorsDone()).isEqualTo(2);
        assertThat(details.collectorsFailed()).isZero();
        assertThat(details.keySwapped()).isTrue();
        assertThat(details.newKeyFingerprint()).get().asString().startsWith("sha256:");
        assertThat(details.timestamp()).isEqualTo(CLOCK.instant());
    }

    @Test
    void runShouldBePartialWhenAPasswordCouldNotBeReEncrypted() throws Exception {
        KeyRotation rotation = rotationOver(1);
        Collector broken = StoreSamples.collector(StoreSamples.BOB, "broken");
        stores.collectors().create(broken.toBuilder()
            .encryptedPassword("v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").build());
        KeyRotationTask task = KeyRotationTask.of(rotation, CLOCK);

        Task.Result result = task.run();

        assertThat(result).isEqualTo(Task.Result.PARTIAL);
        assertThat(((KeyRotationDetails) task.details().orElseThrow()).collectorsFailed())
            .isEqualTo(1);
    }

    @Test
    void detailsShouldGoToJsonAndBack() throws Exception {
        KeyRotationDetails details = KeyRotationDetails.of(12, 1, Optional.of("sha256:0011"), true,
            CLOCK.instant());

        KeyRotationDetailsDTO dto = KeyRotationDetailsDTO.MODULE.toDTO(details);

        assertThat(dto.getType()).isEqualTo("collectors-secret-key-rotation");
        assertThat(dto.getCollectorsDone()).isEqualTo(12);
        assertThat(KeyRotationDetailsDTO.MODULE.getToDomainObjectConverter().convert(dto))
            .isEqualTo(details);
    }

    @Test
    void taskShouldGoToJsonAndBack() throws Exception {
        KeyRotation rotation = rotationOver(0);
        KeyRotationTaskDTO dto = KeyRotationTaskDTO.module(() -> rotation, CLOCK)
            .toDTO(KeyRotationTask.of(rotation, CLOCK));

        Task back = KeyRotationTaskDTO.module(() -> rotation, CLOCK).getToDomainObjectConverter()
            .convert(dto);

        assertThat(dto.getType()).isEqualTo("collectors-secret-key-rotation");
        assertThat(back.run()).isEqualTo(Task.Result.COMPLETED);
    }

    private KeyRotation rotationOver(int collectors) throws Exception {
        SecretKeyRing ring = SecretKeyRing.at(folder.resolve("key"));
        SecretCipher cipher = ring.openCipher(stores.metadata());
        for (int i = 0; i < collectors; i++) {
            Collector collector = StoreSamples.collector(StoreSamples.ALICE, "c" + i);
            stores.collectors().create(collector.toBuilder()
                .encryptedPassword(cipher.encrypt(collector.id(), Password.of("p" + i))).build());
        }
        return KeyRotation.of(stores, cipher, ring);
    }
}
