package org.jamescollectors.manage;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.protocols.lib.netty.AbstractServerFactory;
import org.apache.james.protocols.lib.netty.CertificateReloadable;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

/**
 * The listeners of the James server the plugin runs in: every IMAP, POP3, SMTP and LMTP server
 * James started, as it reports the addresses it is bound to. Asked afresh each time, since the
 * servers start after the plugin is wired. A flavour without such servers has none.
 */
final class JamesOwnServers implements OwnServers {
    private static final Key<Set<CertificateReloadable.Factory>> FACTORIES =
        Key.get(new TypeLiteral<Set<CertificateReloadable.Factory>>() { });

    private final Injector injector;

    @Inject
    JamesOwnServers(Injector injector) {
        this.injector = injector;
    }

    @Override
    public boolean listensOn(InetAddress address, int port) {
        return listeners().stream()
            .filter(listener -> listener.getPort() == port)
            .anyMatch(listener -> reaches(listener.getAddress(), address));
    }

    private List<InetSocketAddress> listeners() {
        Binding<Set<CertificateReloadable.Factory>> factories =
            injector.getExistingBinding(FACTORIES);
        if (factories == null) {
            return List.of();
        }
        return factories.getProvider().get().stream()
            .filter(AbstractServerFactory.class::isInstance)
            .map(AbstractServerFactory.class::cast)
            .flatMap(factory -> factory.getServers().stream())
            .flatMap(server -> server.getListenAddresses().stream())
            .collect(Collectors.toList());
    }

    /** A listener on the wildcard address answers on every address of this machine. */
    private static boolean reaches(InetAddress listening, InetAddress target) {
        if (listening == null || listening.isAnyLocalAddress()) {
            return isThisMachine(target);
        }
        return listening.equals(target);
    }

    private static boolean isThisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
