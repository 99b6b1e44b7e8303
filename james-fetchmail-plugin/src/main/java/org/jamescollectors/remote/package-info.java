/**
 * The POP3 and IMAP client layer: {@link org.jamescollectors.remote.MailSourceConnector} opens
 * a {@link org.jamescollectors.remote.MailSource} on a remote account, which lists, streams and
 * deletes messages. Our own compact clients over plain sockets (packages {@code pop3} and
 * {@code imap}), so that credentials go out as UTF-8, bytes arrive exactly as served and large
 * messages stream in bounded memory. Every failure is a
 * {@link org.jamescollectors.remote.RemoteException} whose
 * {@link org.jamescollectors.remote.FailureKind} tells the caller what to do: ask the user
 * (AUTHENTICATION, TLS, REFUSED_TARGET), retry later (CONNECTION, TIMEOUT, THROTTLED) or give up
 * on the server or message (PROTOCOL).
 */
package org.jamescollectors.remote;
