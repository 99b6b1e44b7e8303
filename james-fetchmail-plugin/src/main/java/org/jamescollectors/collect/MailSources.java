package org.jamescollectors.collect;

import org.apache.james.core.Username;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.RemoteException;

/**
 * Opens authenticated sessions on remote accounts; {@link MailSourceConnector#open} in production.
 */
@FunctionalInterface
public interface MailSources {
    MailSource open(RemoteAccount account, Password password, boolean allowPlaintext)
        throws RemoteException;

    /**
     * Opens a session for a collector of {@code owner}; implementations that know this server's
     * own listeners refuse the owner's own mailbox here. By default, the same as without owner.
     */
    default MailSource open(Username owner, RemoteAccount account, Password password,
                            boolean allowPlaintext) throws RemoteException {
        return open(account, password, allowPlaintext);
    }
}
