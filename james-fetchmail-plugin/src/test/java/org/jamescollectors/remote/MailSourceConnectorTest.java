package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.LoopbackResolver;
import org.junit.jupiter.api.Test;

/** What the connector decides before any protocol is spoken. */
class MailSourceConnectorTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Password PASSWORD = Password.of("secret");

    private static MailSourceConnector connector(HostResolver resolver, TargetGuard guard)
        throws Exception {
        return new MailSourceConnector(resolver, guard, TlsTrust.systemDefault(),
            Timeouts.of(SECOND, SECOND, SECOND));
    }

    @Test
    void openShouldRefusePlaintextWithoutConnectingWhenNotAllowed() throws Exception {
        List<String> resolved = new ArrayList<>();
        HostResolver recording = host -> {
            resolved.add(host);
            return LoopbackResolver.of("localhost").resolve(host);
        };
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RemoteAccount account = RemoteAccount.imap("localhost", listener.getLocalPort(),
                Security.NONE, "user", Optional.empty());

            assertThatThrownBy(() -> connector(recording, TargetGuard.allowAll())
                .open(account, PASSWORD, false))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TLS);
                    assertThat(e.userMessage()).contains("Plaintext connections are not allowed");
                });
            assertThat(resolved).isEmpty();
        }
    }

    @Test
    void openShouldFailWithConnectionWhenHostIsUnknown() throws Exception {
        RemoteAccount account = RemoteAccount.pop3("unknown.invalid", 995, Security.TLS, "user");

        assertThatThrownBy(() -> connector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll()).open(account, PASSWORD, false))
            .isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
                assertThat(e.userMessage()).contains("unknown.invalid");
            });
    }

    @Test
    void openShouldFailWithConnectionWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
        }
        RemoteAccount account = RemoteAccount.pop3("localhost", port, Security.TLS, "user");

        assertThatThrownBy(() -> connector(LoopbackResolver.of("localhost"),
            TargetGuard.allowAll()).open(account, PASSWORD, false))
            .isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION));
    }

    @Test
    void openShouldAskTheGuardAboutTheResolvedAddressBeforeConnecting() throws Exception {
        List<String> asked = new ArrayList<>();
        TargetGuard refusing = (host, address, port) -> {
            asked.add(host + "=" + address.getHostAddress() + ":" + port);
            throw RemoteException.of(FailureKind.REFUSED_TARGET, "not allowed");
        };
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(200);
            int port = listener.getLocalPort();
            RemoteAccount account = RemoteAccount.imap("localhost", port, Security.TLS, "user",
                Optional.empty());

            assertThatThrownBy(() -> connector(LoopbackResolver.of("localhost"), refusing)
                .open(account, PASSWORD, false))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.REFUSED_TARGET));
            assertThat(asked).containsExactly("localhost=127.0.0.1:" + port);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void openShouldFailWithTimeoutWhenTlsHandshakeDripsAlong() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripping = new Thread(() -> drip(listener), "dripping-server");
            dripping.setDaemon(true);
            dripping.start();
            RemoteAccount account = RemoteAccount.imap("localhost", listener.getLocalPort(),
                Security.TLS, "user", Optional.empty());
            Instant start = Instant.now();

            assertThatThrownBy(() -> connector(LoopbackResolver.of("localhost"),
                TargetGuard.allowAll()).open(account, PASSWORD, false))
                .isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
        }
    }

    /** A TLS record header announcing 16 KiB, then one byte every 200 ms: no read times out. */
    private static void drip(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
            for (int i = 0; i < 100; i++) {
                out.write(0);
                out.flush();
                Thread.sleep(200);
            }
        } catch (Exception e) {
            // The client gave up, as it should.
        }
    }
}
