package org.jamescollectors.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An open, authenticated session on one remote mailbox folder (the POP3 maildrop or one IMAP
 * folder). Not thread-safe: one caller at a time. After any {@link RemoteException} of kind
 * CONNECTION or TIMEOUT, or an {@link IOException} from a sink, the session is unusable: only
 * {@link #abort()} remains.
 */
public interface MailSource extends AutoCloseable {
    /** Every message in the folder, in server order: stable uid, size, seen flag, internal date. */
    List<RemoteMessage> messages() throws RemoteException;

    /**
     * Streams the message's exact bytes as served (POP3 RETR with the dot-stuffing undone, IMAP
     * UID FETCH BODY.PEEK[] so that no flag changes) into {@code sink}, never holding it whole in
     * memory. The message must come from this session's {@link #messages()}. On failure the sink
     * may hold a partial message: discard it.
     */
    void retrieve(RemoteMessage message, OutputStream sink) throws RemoteException, IOException;

    /**
     * Marks messages deleted. IMAP: UID STORE +FLAGS.SILENT (\Deleted), then UID EXPUNGE when
     * UIDPLUS is offered, else EXPUNGE (which also removes messages others flagged \Deleted).
     * POP3: DELE, which only takes effect when {@link #close()} sends QUIT.
     */
    void delete(List<RemoteMessage> messages) throws RemoteException;

    /** Ends the session properly: POP3 QUIT (commits DELE), IMAP LOGOUT. */
    @Override
    void close() throws RemoteException;

    /**
     * Drops the connection without committing anything: POP3 deletions are undone by the server.
     * IMAP expunges already done by {@link #delete} stay done. Never throws.
     */
    void abort();
}
