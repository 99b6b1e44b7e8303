package org.jamescollectors.remote;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;

/**
 * Opens authenticated sessions on remote accounts. Stand-in for the remote client layer: only the
 * signature the rest of the plugin codes against.
 */
public interface MailSourceConnector {
    /** Connects, secures and logs in (IMAP also selects the source folder). */
    MailSource open(RemoteAccount account, Password password, boolean allowPlaintext)
        throws RemoteException;
}
