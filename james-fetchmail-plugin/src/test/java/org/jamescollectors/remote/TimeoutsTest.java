package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

class TimeoutsTest {
    @Test
    void shouldRespectBeanContract() {
        EqualsVerifier.forClass(Timeouts.class).withNonnullFields("connect", "handshake", "read")
            .verify();
    }

    @Test
    void ofShouldRefuseZero() {
        assertThatThrownBy(() -> Timeouts.of(Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("connect");
    }

    @Test
    void ofShouldRefuseMoreThanASocketTimeoutHolds() {
        assertThatThrownBy(() -> Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofDays(30)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("read");
    }
}
