package org.jamescollectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    private static final Password PASSWORD = Password.of("p\"ass\\ (§ €) wörd");

    @TempDir
    Path folder;

    @Test
    void decryptShouldGiveBackWhatWasEncrypted() throws Exception {
        SecretCipher cipher = SecretCipher.of(SecretKeyFile.loadOrCreate(folder.resolve("key")));
        CollectorId id = CollectorId.random();

        String sealed = cipher.encrypt(id, PASSWORD);

        assertThat(cipher.decrypt(id, sealed)).isEqualTo(PASSWORD);
        assertThat(sealed).startsWith("v1:").doesNotContain("wörd");
    }

    @Test
    void encryptShouldUseAFreshNonceEachTime() throws Exception {
        SecretCipher cipher = SecretCipher.of(SecretKeyFile.loadOrCreate(folder.resolve("key")));
        CollectorId id = CollectorId.random();

        assertThat(cipher.encrypt(id, PASSWORD)).isNotEqualTo(cipher.encrypt(id, PASSWORD));
    }

    @Test
    void decryptShouldFailForAnotherCollector() throws Exception {
        SecretCipher cipher = SecretCipher.of(SecretKeyFile.loadOrCreate(folder.resolve("key")));
        String sealed = cipher.encrypt(CollectorId.random(), PASSWORD);

        assertThatThrownBy(() -> cipher.decrypt(CollectorId.random(), sealed))
            .isInstanceOf(SecretException.class)
            .hasMessageNotContaining("wörd");
    }

    @Test
    void decryptShouldFailUnderAnotherKey() throws Exception {
        SecretCipher first = SecretCipher.of(SecretKeyFile.loadOrCreate(folder.resolve("one")));
        SecretCipher second = SecretCipher.of(SecretKeyFile.loadOrCreate(folder.resolve("two")));
        CollectorId id = CollectorId.random();

        assertThatThrownBy(() -> second.decrypt(id, first.encrypt(id, PASSWORD)))
            .isInstanceOf(SecretException.class);
        assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
    }

    @Test
    void loadOrCreateShouldCreateAnOwnerOnlyFileOnceAndKeepIt() throws Exception {
        Path path = folder.resolve("conf/collectors-secret.key");

        String fingerprint = SecretCipher.of(SecretKeyFile.loadOrCreate(path)).fingerprint();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
            .isEqualTo("rw-------");
        assertThat(SecretCipher.of(SecretKeyFile.loadOrCreate(path)).fingerprint())
            .isEqualTo(fingerprint);
    }

    @Test
    void loadShouldNameTheFileWhenItIsDamaged() throws Exception {
        Path path = folder.resolve("key");
        Files.writeString(path, "not a key");

        assertThatThrownBy(() -> SecretKeyFile.load(path)).hasMessageContaining(path.toString());
    }
}
