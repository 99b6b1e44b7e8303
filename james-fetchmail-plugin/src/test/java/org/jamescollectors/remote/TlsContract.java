package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jamescollectors.collect.Password;
import org.jamescollectors.testing.LoopbackResolver;
import org.junit.jupiter.api.Test;

/** Certificate and host name checks, for the TLS and STARTTLS modes. */
public interface TlsContract extends MailSourceContract {
    @Test
    default void openShouldFailWithTlsWhenCertificateIsNotTrusted() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        MailSourceConnector jvmTrustOnly = new MailSourceConnector(
            LoopbackResolver.of("localhost"), TargetGuard.allowAll(), TlsTrust.systemDefault(),
            timeouts());

        assertThatThrownBy(() -> jvmTrustOnly.open(account(user), Password.of(DEFAULT_PASSWORD),
            false))
            .isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
    }

    @Test
    default void openShouldFailWithTlsWhenHostNameDoesNotMatchCertificate() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        MailSourceConnector connector = new MailSourceConnector(
            LoopbackResolver.of("mail.wrong-name.test"), TargetGuard.allowAll(),
            mailbox().trust(), timeouts());
        int port = mailbox().port(protocol(), security());

        assertThatThrownBy(() -> connector.open(account(user, "mail.wrong-name.test", port),
            Password.of(DEFAULT_PASSWORD), false))
            .isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.TLS));
    }

    @Test
    default void openShouldVerifyAddressWhenHostIsAnIpLiteral() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        MailSourceConnector connector = new MailSourceConnector(LoopbackResolver.of("127.0.0.1"),
            TargetGuard.allowAll(), mailbox().trust(), timeouts());
        int port = mailbox().port(protocol(), security());

        try (MailSource source = connector.open(account(user, "127.0.0.1", port),
            Password.of(DEFAULT_PASSWORD), false)) {

            assertThat(source.messages()).isEmpty();
        }
    }
}
