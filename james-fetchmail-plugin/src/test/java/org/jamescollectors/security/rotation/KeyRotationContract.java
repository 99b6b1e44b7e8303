package org.jamescollectors.security.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretException;
import org.jamescollectors.security.SecretKeyFile;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.StoreSamples;
import org.jamescollectors.store.Stores;
import org.junit.jupiter.api.Test;

/** What a key rotation guarantees, on every store. */
public interface KeyRotationContract {
    int COLLECTORS = 2 * KeyRotation.PAGE_SIZE + 30;

    /** Empty stores. */
    Stores stores();

    /** An empty folder for the key files. */
    Path keyFolder();

    default SecretKeyRing ring() {
        return SecretKeyRing.at(keyFolder().resolve("collectors-secret.key"));
    }

    /** Opens the cipher as a node starting up does, recording its fingerprint on first start. */
    default SecretCipher startNode() throws Exception {
        SecretCipher cipher = ring().openCipher(stores().metadata());
        stores().metadata().putIfAbsent(SecretKeyRing.FINGERPRINT, cipher.fingerprint());
        return cipher;
    }

    /** Creates {@code count} collectors, the password of each being its name. */
    default List<Collector> createCollectors(SecretCipher cipher, int count) throws Exception {
        List<Collector> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Collector collector = StoreSamples.collector(StoreSamples.ALICE, "secret-" + i);
            created.add(stores().collectors().create(collector.toBuilder()
                .encryptedPassword(cipher.encrypt(collector.id(), Password.of(collector.name())))
                .build()));
        }
        return created;
    }

    /** Every collector's password read with {@code cipher}; throws if one cannot be. */
    default Map<CollectorId, Password> readAll(SecretCipher cipher) throws Exception {
        List<Collector> all = stores().collectors().page(Optional.empty(), 10_000);
        Map<CollectorId, Password> passwords = new HashMap<>();
        for (Collector collector : all) {
            passwords.put(collector.id(),
                cipher.decrypt(collector.id(), collector.encryptedPassword()));
        }
        return passwords;
    }

    default Map<CollectorId, Password> expected(List<Collector> collectors) {
        return collectors.stream()
            .collect(Collectors.toMap(Collector::id, collector -> Password.of(collector.name())));
    }

    default SecretCipher keyFileOnly() throws Exception {
        return SecretCipher.of(SecretKeyFile.load(ring().keyFile()));
    }

    @Test
    default void rotateShouldReEncryptEveryCollectorUnderTheNewKey() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, COLLECTORS);
        RotationProgress progress = new RotationProgress();

        KeyRotation.Outcome outcome = KeyRotation.of(stores(), cipher, ring()).rotate(progress);

        assertThat(outcome).isEqualTo(KeyRotation.Outcome.FINISHED);
        assertThat(progress.done()).isEqualTo(COLLECTORS);
        assertThat(progress.failed()).isZero();
        assertThat(readAll(keyFileOnly())).isEqualTo(expected(collectors));
        assertThat(readAll(cipher)).isEqualTo(expected(collectors));
    }

    @Test
    default void rotateShouldStopAcceptingOldCiphertextsOnceFinished() throws Exception {
        SecretCipher cipher = startNode();
        Collector collector = createCollectors(cipher, 1).get(0);
        SecretCipher oldKeyOnly = keyFileOnly();

        KeyRotation.of(stores(), cipher, ring()).rotate(new RotationProgress());

        assertThatThrownBy(() -> cipher.decrypt(collector.id(), collector.encryptedPassword()))
            .isInstanceOf(SecretException.class);
        assertThatThrownBy(() -> startNode().decrypt(collector.id(), collector.encryptedPassword()))
            .isInstanceOf(SecretException.class);
        assertThat(stores().collectors().page(Optional.empty(), 10))
            .allSatisfy(stored -> assertThatThrownBy(() -> oldKeyOnly.decrypt(stored.id(),
                stored.encryptedPassword())).isInstanceOf(SecretException.class));
    }

    @Test
    default void rotateShouldRecordTheNewFingerprintAndKeepThePreviousKeyFile() throws Exception {
        SecretCipher cipher = startNode();
        createCollectors(cipher, 3);
        String oldKey = Files.readString(ring().keyFile());
        RotationProgress progress = new RotationProgress();

        KeyRotation.of(stores(), cipher, ring()).rotate(progress);

        assertThat(stores().metadata().get(SecretKeyRing.FINGERPRINT))
            .contains(keyFileOnly().fingerprint());
        assertThat(progress.newKeyFingerprint()).contains(keyFileOnly().fingerprint());
        assertThat(cipher.fingerprint()).isEqualTo(keyFileOnly().fingerprint());
        assertThat(Files.readString(ring().previousFile())).isEqualTo(oldKey);
        assertThat(ring().rotationPending()).isFalse();
        assertThat(progress.finished()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ring().keyFile())))
            .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
            ring().previousFile()))).isEqualTo("rw-------");
    }

    @Test
    default void aRotationCrashedHalfWayShouldLeaveEveryPasswordReadable() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, COLLECTORS);

        assertThatThrownBy(() -> KeyRotation.of(crashingHalfWay(), cipher, ring())
            .rotate(new RotationProgress()))
            .hasMessageContaining("node died");

        assertThat(readAll(cipher)).isEqualTo(expected(collectors));
        assertThat(readAll(startNode())).isEqualTo(expected(collectors));
        assertThat(ring().rotationPending()).isTrue();
        assertThat(stores().metadata().get(SecretKeyRing.FINGERPRINT))
            .contains(keyFileOnly().fingerprint());
    }

    @Test
    default void aRotationStartedAgainShouldFinishWithTheKeyTheCrashedOneChose() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, COLLECTORS);
        RotationProgress first = new RotationProgress();
        assertThatThrownBy(() -> KeyRotation.of(crashingHalfWay(), cipher, ring()).rotate(first))
            .hasMessageContaining("node died");
        SecretCipher restarted = startNode();
        RotationProgress second = new RotationProgress();

        KeyRotation.Outcome outcome = KeyRotation.of(stores(), restarted, ring()).rotate(second);

        assertThat(outcome).isEqualTo(KeyRotation.Outcome.FINISHED);
        assertThat(second.newKeyFingerprint()).isEqualTo(first.newKeyFingerprint());
        assertThat(second.done()).isEqualTo(COLLECTORS);
        assertThat(readAll(keyFileOnly())).isEqualTo(expected(collectors));
    }

    @Test
    default void aRotationCrashedBeforeTheFileSwapShouldBeFinishedOnNextStart() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, 5);
        KeyRotation crashing = KeyRotation.of(InterceptedStores.crashingAfterMetadataPut(stores()),
            cipher, ring());

        assertThatThrownBy(() -> crashing.rotate(new RotationProgress()))
            .hasMessageContaining("node died");
        assertThat(readAll(cipher)).isEqualTo(expected(collectors));
        SecretCipher restarted = startNode();

        assertThat(ring().rotationPending()).isFalse();
        assertThat(restarted.fingerprint()).isEqualTo(keyFileOnly().fingerprint());
        assertThat(stores().metadata().get(SecretKeyRing.FINGERPRINT))
            .contains(restarted.fingerprint());
        assertThat(readAll(keyFileOnly())).isEqualTo(expected(collectors));
        assertThat(Files.exists(ring().previousFile())).isTrue();
    }

    @Test
    default void rotateShouldRetryACollectorThatChangedMeanwhile() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, 3);
        CollectorId changing = collectors.get(1).id();
        AtomicInteger changes = new AtomicInteger();
        Stores racing = InterceptedStores.beforeUpdate(stores(), collector -> {
            if (collector.id().equals(changing) && changes.incrementAndGet() <= 2) {
                Collector current = stores().collectors().find(changing).orElseThrow();
                update(current.toBuilder().consecutiveFailures(changes.get()).build());
            }
        });
        RotationProgress progress = new RotationProgress();

        KeyRotation.Outcome outcome = KeyRotation.of(racing, cipher, ring()).rotate(progress);

        assertThat(outcome).isEqualTo(KeyRotation.Outcome.FINISHED);
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.failed()).isZero();
        assertThat(stores().collectors().find(changing).orElseThrow().consecutiveFailures())
            .isEqualTo(2);
        assertThat(readAll(keyFileOnly())).isEqualTo(expected(collectors));
    }

    @Test
    default void aCollectorThatNeverStopsChangingShouldKeepTheRotationOpen() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, 3);
        CollectorId changing = collectors.get(0).id();
        Stores racing = InterceptedStores.beforeUpdate(stores(), collector -> {
            if (collector.id().equals(changing)) {
                throw new StaleCollectorException("changed meanwhile");
            }
        });
        RotationProgress progress = new RotationProgress();

        KeyRotation.Outcome outcome = KeyRotation.of(racing, cipher, ring()).rotate(progress);

        assertThat(outcome).isEqualTo(KeyRotation.Outcome.PENDING);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.leftUnderOldKey()).isEqualTo(1);
        assertThat(ring().rotationPending()).isTrue();
        assertThat(readAll(startNode())).isEqualTo(expected(collectors));
    }

    @Test
    default void rotateShouldCountAnUnreadablePasswordAsFailedAndStillFinish() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> readable = createCollectors(cipher, 4);
        SecretCipher stranger = SecretCipher.of(randomKey());
        Collector lost = StoreSamples.collector(StoreSamples.BOB, "sealed elsewhere");
        stores().collectors().create(lost.toBuilder()
            .encryptedPassword(stranger.encrypt(lost.id(), Password.of("lost"))).build());
        RotationProgress progress = new RotationProgress();

        KeyRotation.Outcome outcome = KeyRotation.of(stores(), cipher, ring()).rotate(progress);

        assertThat(outcome).isEqualTo(KeyRotation.Outcome.FINISHED);
        assertThat(progress.done()).isEqualTo(4);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(stranger.decrypt(lost.id(),
            stores().collectors().find(lost.id()).orElseThrow().encryptedPassword()))
            .isEqualTo(Password.of("lost"));
        for (Collector collector : readable) {
            assertThat(keyFileOnly().decrypt(collector.id(), stores().collectors()
                .find(collector.id()).orElseThrow().encryptedPassword()))
                .isEqualTo(Password.of(collector.name()));
        }
    }

    @Test
    default void rotateShouldReadPasswordsSealedUnderThePreviousKey() throws Exception {
        SecretCipher cipher = startNode();
        SecretCipher firstKeyOnly = keyFileOnly();
        KeyRotation rotation = KeyRotation.of(stores(), cipher, ring());
        rotation.rotate(new RotationProgress());
        Collector restored = StoreSamples.collector(StoreSamples.ALICE, "from a backup");
        stores().collectors().create(restored.toBuilder()
            .encryptedPassword(firstKeyOnly.encrypt(restored.id(), Password.of("from a backup")))
            .build());
        RotationProgress progress = new RotationProgress();

        rotation.rotate(progress);

        assertThat(progress.done()).isEqualTo(1);
        assertThat(progress.failed()).isZero();
        assertThat(readAll(keyFileOnly()))
            .containsEntry(restored.id(), Password.of("from a backup"));
    }

    @Test
    default void rotateShouldRefuseToRunTwiceAtOnce() throws Exception {
        SecretCipher cipher = startNode();
        createCollectors(cipher, 1);
        CountDownLatch paging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KeyRotation rotation = KeyRotation.of(InterceptedStores.beforePage(stores(), () -> {
            paging.countDown();
            await(release);
        }), cipher, ring());
        CompletableFuture<KeyRotation.Outcome> first = CompletableFuture.supplyAsync(() -> {
            try {
                return rotation.rotate(new RotationProgress());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(paging.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> rotation.rotate(new RotationProgress()))
            .isInstanceOf(RotationInProgressException.class);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(KeyRotation.Outcome.FINISHED);
    }

    @Test
    default void aPasswordSavedDuringTheRotationShouldBeSealedUnderTheNewKey() throws Exception {
        SecretCipher cipher = startNode();
        createCollectors(cipher, 2);
        List<Collector> savedMeanwhile = new ArrayList<>();
        AtomicInteger pages = new AtomicInteger();
        KeyRotation rotation = KeyRotation.of(InterceptedStores.beforePage(stores(), () -> {
            if (pages.incrementAndGet() == 1) {
                savedMeanwhile.addAll(createQuietly(cipher));
            }
        }), cipher, ring());

        rotation.rotate(new RotationProgress());

        assertThat(savedMeanwhile).hasSize(1);
        Collector saved = savedMeanwhile.get(0);
        assertThat(keyFileOnly().decrypt(saved.id(), saved.encryptedPassword()))
            .isEqualTo(Password.of(saved.name()));
    }

    /** The stores, failing as if the node died when half the collectors were re-encrypted. */
    private Stores crashingHalfWay() {
        AtomicInteger updates = new AtomicInteger();
        return InterceptedStores.beforeUpdate(stores(), collector -> {
            if (updates.incrementAndGet() == COLLECTORS / 2) {
                throw new IllegalStateException("the node died");
            }
        });
    }

    private List<Collector> createQuietly(SecretCipher cipher) {
        try {
            Collector collector = StoreSamples.collector(StoreSamples.BOB, "saved meanwhile");
            return List.of(stores().collectors().create(collector.toBuilder()
                .encryptedPassword(cipher.encrypt(collector.id(), Password.of(collector.name())))
                .build()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(Collector collector) {
        try {
            stores().collectors().update(collector);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SecretKey randomKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }
}
