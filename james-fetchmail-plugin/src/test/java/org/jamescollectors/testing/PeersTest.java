package org.jamescollectors.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PeersTest {
    private final String saved = System.getProperty(Peers.REQUIRED_PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Peers.REQUIRED_PROPERTY);
        } else {
            System.setProperty(Peers.REQUIRED_PROPERTY, saved);
        }
    }

    @Test
    void assumeInstalledShouldSkipWhenPeerIsMissingAndNotRequired() {
        System.setProperty(Peers.REQUIRED_PROPERTY, "false");

        assertThatThrownBy(() -> Peers.assumeInstalled(false, "Dovecot", "install it"))
            .isInstanceOf(TestAbortedException.class)
            .hasMessageContaining("Dovecot is not installed");
    }

    @Test
    void assumeInstalledShouldFailWhenPeerIsMissingAndRequired() {
        System.setProperty(Peers.REQUIRED_PROPERTY, "true");

        assertThatThrownBy(() -> Peers.assumeInstalled(false, "Dovecot", "install it"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("peers.required=true");
    }

    @Test
    void assumeInstalledShouldPassWhenPeerIsThere() {
        System.setProperty(Peers.REQUIRED_PROPERTY, "true");

        assertThatCode(() -> Peers.assumeInstalled(true, "Dovecot", "install it"))
            .doesNotThrowAnyException();
    }
}
