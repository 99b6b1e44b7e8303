package org.jamescollectors.collect;

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
}
