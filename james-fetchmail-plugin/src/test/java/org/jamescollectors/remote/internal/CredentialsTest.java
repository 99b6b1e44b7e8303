package org.jamescollectors.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jamescollectors.collect.Password;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void saslPlainShouldEncodeUtf8WithEmptyAuthorizationIdentity() throws Exception {
        Credentials credentials = Credentials.of("j\u00f6rg", Password.of("\u20ac uro"));

        byte[] decoded = Base64.getDecoder().decode(credentials.saslPlain());

        assertThat(decoded).isEqualTo("\0j\u00f6rg\0\u20ac uro".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ofShouldRefusePasswordWithLineBreak() {
        assertThatThrownBy(() -> Credentials.of("user", Password.of("pw\r\nDELE 1")))
            .isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                assertThat(e.userMessage()).doesNotContain("DELE");
            });
    }

    @Test
    void ofShouldRefuseUserNameWithNul() {
        assertThatThrownBy(() -> Credentials.of("us\0er", Password.of("pw")))
            .isInstanceOf(RemoteException.class);
    }

    @Test
    void scrubShouldHideThePasswordWhenServerEchoesIt() throws Exception {
        Credentials credentials = Credentials.of("user", Password.of("hunter2-\u00a7"));
        String echoed = "-ERR unknown command PASS hunter2-\u00a7 or "
            + credentials.saslPlain();

        String scrubbed = credentials.scrub(echoed);

        assertThat(scrubbed).doesNotContain("hunter2").doesNotContain(credentials.saslPlain())
            .contains("[hidden]");
    }

    @Test
    void scrubShouldRemoveControlCharactersAndShortenLongText() throws Exception {
        Credentials credentials = Credentials.of("user", Password.of("pw-long-enough"));

        String scrubbed = credentials.scrub("bad\u0007" + "x".repeat(500));

        assertThat(scrubbed).doesNotContain("\u0007").hasSizeLessThanOrEqualTo(200);
    }
}
