package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

class RemoteMessageTest {
    @Test
    void shouldRespectBeanContract() {
        EqualsVerifier.forClass(RemoteMessage.class)
            .withNonnullFields("protocol", "uid", "folderEpoch", "internalDate").verify();
    }

    @Test
    void keyShouldBeUidlWhenPop3() {
        RemoteMessage message = RemoteMessage.pop3("000000016b12d96c", 47);

        assertThat(message.key()).isEqualTo("pop3:000000016b12d96c");
        assertThat(message.folderEpoch()).isEmpty();
        assertThat(message.seen()).isFalse();
    }

    @Test
    void keyShouldJoinUidValidityAndUidWhenImap() {
        RemoteMessage message = RemoteMessage.imap(1796397420L, 7, 100, true,
            Optional.of(Instant.EPOCH));

        assertThat(message.key()).isEqualTo("imap:1796397420:7");
        assertThat(message.uid()).isEqualTo("7");
        assertThat(message.folderEpoch()).isEqualTo("1796397420");
    }

    @Test
    void imapShouldRefuseZeroUidValidity() {
        assertThatThrownBy(() -> RemoteMessage.imap(0, 7, 100, false, Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pop3ShouldRefuseEmptyUidl() {
        assertThatThrownBy(() -> RemoteMessage.pop3("", 1))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
