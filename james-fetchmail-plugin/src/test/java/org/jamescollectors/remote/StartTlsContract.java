package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jamescollectors.testing.FaultInjectingProxy;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS must never fall back to plaintext (RFC 2595 §2.2): when it is not offered or refused,
 * opening fails with TLS and no credential crosses the wire.
 */
public interface StartTlsContract extends MailSourceContract {
    /** The capability and command: STLS on POP3, STARTTLS on IMAP. */
    String startTlsCommand();

    /** What the proxy answers to refuse it; "{tag}" stands for the IMAP tag. */
    String startTlsRefusal();

    @Test
    default void openShouldFailWithTlsWithoutCredentialsWhenStartTlsIsNotOffered()
        throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        try (FaultInjectingProxy proxy = proxy().stripCapability(startTlsCommand())) {

            assertThatThrownBy(() -> openThrough(proxy, user, timeouts()))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
            MailSourceContract.assertNoCredentialSent(proxy, user, DEFAULT_PASSWORD);
        }
    }

    @Test
    default void openShouldFailWithTlsWithoutCredentialsWhenStartTlsIsRefused()
        throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        try (FaultInjectingProxy proxy = proxy().answer(startTlsCommand(), startTlsRefusal())) {

            assertThatThrownBy(() -> openThrough(proxy, user, timeouts()))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
            MailSourceContract.assertNoCredentialSent(proxy, user, DEFAULT_PASSWORD);
        }
    }
}
