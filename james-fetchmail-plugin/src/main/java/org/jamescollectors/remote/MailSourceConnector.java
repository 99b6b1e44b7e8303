package org.jamescollectors.remote;

import java.util.Objects;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.imap.ImapSession;
import org.jamescollectors.remote.internal.Connection;
import org.jamescollectors.remote.internal.Credentials;
import org.jamescollectors.remote.internal.Dialer;
import org.jamescollectors.remote.pop3.Pop3Session;

/**
 * Opens {@link MailSource}s: resolves the account's host, asks the {@link TargetGuard} about each
 * address right before connecting to it, connects, secures the connection as the account says,
 * logs in and, on IMAP, opens the source folder. Thread-safe; each session it opens is not.
 */
public final class MailSourceConnector {
    private final Dialer dialer;
    private final TlsTrust trust;

    public MailSourceConnector(HostResolver resolver, TargetGuard guard, TlsTrust trust,
                               Timeouts timeouts) {
        this.dialer = new Dialer(Objects.requireNonNull(resolver, "resolver"),
            Objects.requireNonNull(guard, "guard"), Objects.requireNonNull(timeouts, "timeouts"));
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /** Opens a read-write session (IMAP SELECT). */
    public MailSource open(RemoteAccount account, Password password, boolean allowPlaintext)
        throws RemoteException {
        return open(account, password, allowPlaintext, FolderAccess.READ_WRITE);
    }

    /**
     * Opens a session. {@code allowPlaintext} says whether the operator allows this account's
     * server to be used without TLS; without it, {@link Security#NONE} fails before connecting.
     */
    public MailSource open(RemoteAccount account, Password password, boolean allowPlaintext,
                           FolderAccess access) throws RemoteException {
        return open(account, password, allowPlaintext, access, TargetGuard.allowAll());
    }

    /**
     * Opens a session, asking {@code extra} too about each address right before connecting to
     * it (what one collector may not reach, on top of what no collector may).
     */
    public MailSource open(RemoteAccount account, Password password, boolean allowPlaintext,
                           FolderAccess access, TargetGuard extra) throws RemoteException {
        if (account.security() == Security.NONE && !allowPlaintext) {
            throw RemoteException.of(FailureKind.TLS, "Plaintext connections are not allowed to "
                + account.host() + ": choose TLS or STARTTLS.");
        }
        Credentials credentials = Credentials.of(account.username(), password);
        Connection connection = dialer.dial(account.host(), account.port(), extra);
        try {
            if (account.security() == Security.TLS) {
                connection.startTls(trust);
            }
            return start(connection, account, credentials, access);
        } catch (RemoteException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private MailSource start(Connection connection, RemoteAccount account,
                             Credentials credentials, FolderAccess access)
        throws RemoteException {
        if (account.protocol() == Protocol.POP3) {
            return Pop3Session.start(connection, account.security(), trust, credentials, access);
        }
        String folder = account.sourceFolder().orElse(RemoteAccount.DEFAULT_IMAP_FOLDER);
        return ImapSession.start(connection, account.security(), trust, credentials, folder,
            access);
    }
}
