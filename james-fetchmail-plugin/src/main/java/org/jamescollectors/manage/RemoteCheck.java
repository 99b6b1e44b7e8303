package org.jamescollectors.manage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.manage.provider.ProviderAssistant;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.FolderAccess;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.security.TargetPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live check of a remote account: resolve its server, refuse it unless every address is one
 * collectors may use, then log in (IMAP also examines the source folder, read-only) and log out.
 * A refused address is reported before any connection, so the answer never tells whether
 * something listens there.
 */
@Singleton
public final class RemoteCheck {
    /** The API's word for a collector aimed at its owner's own mailbox on this James. */
    public static final String OWN_MAILBOX = "own-mailbox";
    private static final Logger LOGGER = LoggerFactory.getLogger(RemoteCheck.class);

    private final MailSourceConnector connector;
    private final HostAddresses hostAddresses;
    private final TargetPolicy targetPolicy;
    private final ProviderAssistant providers;
    private final boolean allowPlaintext;
    private final SelfLoop selfLoop;

    @Inject
    public RemoteCheck(MailSourceConnector connector, HostAddresses hostAddresses,
                       CollectorsConfiguration configuration, ProviderAssistant providers,
                       OwnServers ownServers) {
        this.connector = connector;
        this.hostAddresses = hostAddresses;
        this.targetPolicy = TargetPolicy.of(configuration);
        this.providers = providers;
        this.allowPlaintext = configuration.allowPlaintext();
        this.selfLoop = SelfLoop.of(ownServers);
    }

    /**
     * Returns when the account accepted the login of a collector of {@code owner}; throws
     * saying why not otherwise.
     */
    public void verify(Username owner, RemoteAccount account, Password password)
        throws RemoteCheckException {
        checkTarget(owner, account);
        MailSource session;
        try {
            session = connector.open(account, password, allowPlaintext, FolderAccess.READ_ONLY,
                selfLoop.guard(owner, account.username()));
        } catch (RemoteException e) {
            LOGGER.info("Remote check failed: protocol={} host={} kind={}",
                account.protocol().wireName(), account.host(), e.kind());
            throw failure(account, e.kind(), e.userMessage());
        }
        try {
            session.close();
        } catch (RemoteException e) {
            LOGGER.debug("Logout after a successful remote check failed: {}", e.kind());
        }
    }

    private void checkTarget(Username owner, RemoteAccount account)
        throws RemoteCheckException {
        List<InetAddress> addresses;
        try {
            addresses = hostAddresses.resolve(account.host());
        } catch (UnknownHostException e) {
            throw new RemoteCheckException(code(FailureKind.CONNECTION), "the server name "
                + account.host() + " cannot be found", Optional.empty());
        }
        boolean refused = addresses.isEmpty() || addresses.stream()
            .anyMatch(address -> !targetPolicy.allows(address, account.port()));
        if (refused) {
            throw new RemoteCheckException(code(FailureKind.REFUSED_TARGET), TargetPolicy.REFUSAL,
                Optional.empty());
        }
        boolean loops = addresses.stream().anyMatch(address ->
            selfLoop.loops(owner, account.username(), address, account.port()));
        if (loops) {
            throw new RemoteCheckException(OWN_MAILBOX, SelfLoop.REFUSAL, Optional.empty());
        }
    }

    private RemoteCheckException failure(RemoteAccount account, FailureKind kind, String message) {
        Optional<String> hint = kind == FailureKind.AUTHENTICATION || kind == FailureKind.PROTOCOL
            ? providers.hintForServer(account.host())
            : Optional.empty();
        return new RemoteCheckException(code(kind), message, hint);
    }

    /** The API's word for a failure kind: {@code authentication}, {@code refused-target}, ... */
    static String code(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
