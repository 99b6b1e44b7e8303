package org.jamescollectors.security.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.store.Stores;
import org.jamescollectors.store.memory.InMemoryStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key rotation over the in-memory stores, which ignore interrupts: there a cancelled rotation
 * can be seen stopping between two collectors (a JDBC driver may instead fail the statement under
 * way, which the contract's crash tests cover).
 */
class InMemoryKeyRotationTest implements KeyRotationContract {
    @TempDir
    Path folder;

    private Stores stores;

    @BeforeEach
    void createStores() {
        stores = InMemoryStores.create();
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public Path keyFolder() {
        return folder;
    }

    @Test
    void aCancelledRotationShouldStopBetweenTwoCollectorsAndStayOpen() throws Exception {
        SecretCipher cipher = startNode();
        List<Collector> collectors = createCollectors(cipher, COLLECTORS);
        AtomicInteger updates = new AtomicInteger();
        Stores cancelling = InterceptedStores.beforeUpdate(stores, collector -> {
            if (updates.incrementAndGet() == COLLECTORS / 2) {
                Thread.currentThread().interrupt();
            }
        });
        RotationProgress progress = new RotationProgress();

        KeyRotation.Outcome outcome = KeyRotation.of(cancelling, cipher, ring()).rotate(progress);
        boolean interrupted = Thread.interrupted();

        assertThat(interrupted).isTrue();
        assertThat(outcome).isEqualTo(KeyRotation.Outcome.PENDING);
        assertThat(progress.done()).isEqualTo(COLLECTORS / 2);
        assertThat(ring().rotationPending()).isTrue();
        assertThat(readAll(startNode())).isEqualTo(expected(collectors));
    }
}
