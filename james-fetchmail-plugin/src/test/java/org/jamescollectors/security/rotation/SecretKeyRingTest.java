package org.jamescollectors.security.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.crypto.SecretKey;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretException;
import org.jamescollectors.security.SecretKeyFile;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyRingTest {
    private static final CollectorId ID = CollectorId.random();
    private static final Password PASSWORD = Password.of("hunter2");

    @TempDir
    Path folder;

    private final InMemoryStores stores = InMemoryStores.create();

    private SecretKeyRing ring() {
        return SecretKeyRing.at(folder.resolve("collectors-secret.key"));
    }

    @Test
    void openCipherShouldCreateTheKeyOnFirstStart() throws Exception {
        SecretCipher cipher = ring().openCipher(stores.metadata());

        assertThat(Files.exists(ring().keyFile())).isTrue();
        assertThat(cipher.fingerprint())
            .isEqualTo(SecretCipher.fingerprint(SecretKeyFile.load(ring().keyFile())));
    }

    @Test
    void filesOfTheRingShouldSitBesideTheKeyFile() throws Exception {
        assertThat(ring().nextFile()).isEqualTo(folder.resolve("collectors-secret.key.next"));
        assertThat(ring().previousFile())
            .isEqualTo(folder.resolve("collectors-secret.key.previous"));
    }

    @Test
    void openCipherShouldReadBothKeysWhileARotationIsUnfinished() throws Exception {
        SecretKey old = SecretKeyFile.loadOrCreate(ring().keyFile());
        SecretKey next = ring().nextKey();
        stores.metadata().put(SecretKeyRing.FINGERPRINT, SecretCipher.fingerprint(old));
        String underOld = SecretCipher.of(old).encrypt(ID, PASSWORD);
        String underNext = SecretCipher.of(next).encrypt(ID, PASSWORD);

        SecretCipher cipher = ring().openCipher(stores.metadata());

        assertThat(cipher.decrypt(ID, underOld)).isEqualTo(PASSWORD);
        assertThat(cipher.decrypt(ID, underNext)).isEqualTo(PASSWORD);
        assertThat(cipher.fingerprint()).isEqualTo(SecretCipher.fingerprint(old));
        assertThat(ring().rotationPending()).isTrue();
    }

    @Test
    void openCipherShouldFinishTheSwapWhenTheStoreRecordsTheNewKey() throws Exception {
        SecretKey old = SecretKeyFile.loadOrCreate(ring().keyFile());
        SecretKey next = ring().nextKey();
        stores.metadata().put(SecretKeyRing.FINGERPRINT, SecretCipher.fingerprint(next));
        String underOld = SecretCipher.of(old).encrypt(ID, PASSWORD);

        SecretCipher cipher = ring().openCipher(stores.metadata());

        assertThat(cipher.fingerprint()).isEqualTo(SecretCipher.fingerprint(next));
        assertThat(ring().rotationPending()).isFalse();
        assertThat(ring().previousKey()).contains(old);
        assertThat(ring().currentKey()).isEqualTo(next);
        assertThatThrownBy(() -> cipher.decrypt(ID, underOld)).isInstanceOf(SecretException.class);
    }

    @Test
    void openCipherShouldTakeTheNewKeyWhenTheKeyFileIsGone() throws Exception {
        SecretKey next = ring().nextKey();

        SecretCipher cipher = ring().openCipher(stores.metadata());

        assertThat(cipher.fingerprint()).isEqualTo(SecretCipher.fingerprint(next));
        assertThat(ring().rotationPending()).isFalse();
    }

    @Test
    void nextKeyShouldGiveTheSameKeyUntilTheRotationFinishes() throws Exception {
        SecretKey first = ring().nextKey();

        SecretKey again = ring().nextKey();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void useKeysShouldSealUnderTheCurrentKeyOnly() throws Exception {
        SecretKey old = SecretKeyFile.loadOrCreate(ring().keyFile());
        SecretKey next = ring().nextKey();
        SecretCipher cipher = SecretCipher.of(old);

        cipher.useKeys(next, List.of(old));
        String sealed = cipher.encrypt(ID, PASSWORD);

        assertThat(SecretCipher.of(next).decrypt(ID, sealed)).isEqualTo(PASSWORD);
        assertThatThrownBy(() -> SecretCipher.of(old).decrypt(ID, sealed))
            .isInstanceOf(SecretException.class);
    }
}
