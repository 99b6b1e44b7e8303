package org.jamescollectors.testing;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.TlsTrust;

/**
 * A real POP3/IMAP server under test, seen from the test's side: accounts, messages dropped in
 * by the back door, and what the server itself reports, independently of our clients.
 */
public interface RemoteMailbox {
    /** Adds an account; the password is stored exactly as given (UTF-8). */
    void addUser(String user, String password);

    void createFolder(String user, String folder);

    /** Drops a message into a folder ("INBOX" included) without going through POP3/IMAP. */
    void deliver(String user, String folder, byte[] message);

    int messageCount(String user, String folder);

    /** How many messages of the folder carry \Seen. */
    int seenCount(String user, String folder);

    /** The port on 127.0.0.1 speaking {@code protocol}, TLS from the start when TLS is asked. */
    int port(Protocol protocol, Security security);

    /** Trust that accepts this server's certificate (for localhost and 127.0.0.1). */
    TlsTrust trust();

    /**
     * The bytes this server serves over {@code protocol} for a message delivered as
     * {@code stored}: each server normalises some things (documented where implemented).
     */
    byte[] served(Protocol protocol, byte[] stored);
}
