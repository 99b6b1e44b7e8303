package org.jamescollectors.security.rotation;

import java.time.Clock;

import javax.inject.Singleton;

import org.apache.james.task.TaskManager;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.store.Stores;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Binds the key rotation and the service that starts it as a James task. Installed by the
 * plugin's module, which binds the {@link SecretKeyRing} and the running {@link SecretCipher}.
 */
public final class KeyRotationModule extends AbstractModule {
    @Provides
    @Singleton
    KeyRotation keyRotation(Stores stores, SecretCipher cipher, SecretKeyRing ring) {
        return KeyRotation.of(stores, cipher, ring);
    }

    @Provides
    @Singleton
    KeyRotationService keyRotationService(TaskManager taskManager, KeyRotation rotation,
                                          Clock clock) {
        return new KeyRotationService(taskManager, rotation, clock);
    }
}
