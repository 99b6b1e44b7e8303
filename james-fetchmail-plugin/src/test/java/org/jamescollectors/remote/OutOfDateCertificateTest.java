package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.DovecotServer.CertificateValidity;
import org.jamescollectors.testing.FaultInjectingProxy;
import org.jamescollectors.testing.LoopbackResolver;
import org.jamescollectors.testing.Peers;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server whose own certificate is out of date is refused even when the trust store holds that
 * very certificate (the JDK alone accepts a trusted certificate whatever its dates), in TLS and
 * STARTTLS, before any credential is sent, with a message that says what is wrong.
 */
class OutOfDateCertificateTest {
    private static final String PASSWORD = "out-of-date";
    private static DovecotServer expired;
    private static DovecotServer notYetValid;

    @BeforeAll
    static void startServers() throws Exception {
        Peers.assumeInstalled(DovecotServer.isInstalled(), "Dovecot",
            "apt-get install dovecot-imapd dovecot-pop3d");
        expired = DovecotServer.start(CertificateValidity.endedDaysAgo(3));
        notYetValid = DovecotServer.start(CertificateValidity.startingInDays(10));
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (DovecotServer server : new DovecotServer[] {expired, notYetValid}) {
            if (server != null) {
                server.close();
            }
        }
    }

    static Stream<Arguments> connections() {
        return Stream.of(Protocol.IMAP, Protocol.POP3).flatMap(protocol ->
            Stream.of(Security.TLS, Security.STARTTLS).flatMap(security -> Stream.of(
                Arguments.of(protocol, security, true), Arguments.of(protocol, security, false))));
    }

    @ParameterizedTest(name = "{0} {1} expired={2}")
    @MethodSource("connections")
    void openShouldFailWithTlsBeforeAnyCredentialWhenCertificateIsOutOfDate(
        Protocol protocol, Security security, boolean pastEnd) throws Exception {
        DovecotServer server = pastEnd ? expired : notYetValid;
        String user = TestUsers.next("dates");
        server.addUser(user, PASSWORD);
        MailSourceConnector connector = new MailSourceConnector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll(), server.trust(), Timeouts.defaults());

        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(server.port(protocol, security))) {
            RemoteAccount account = RemoteAccount.of(protocol, "localhost", proxy.port(),
                security, user, Optional.empty());

            assertThatThrownBy(() -> connector.open(account, Password.of(PASSWORD), false))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TLS);
                    assertThat(e.userMessage()).startsWith("The security certificate of localhost")
                        .contains(pastEnd ? "expired on" : "is not valid before")
                        .contains("nothing was sent").doesNotContain("Exception");
                });
            MailSourceContract.assertNoCredentialSent(proxy, user, PASSWORD);
        }
    }
}
