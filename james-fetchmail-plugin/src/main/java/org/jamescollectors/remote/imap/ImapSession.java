package org.jamescollectors.remote.imap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.FolderAccess;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.remote.TlsTrust;
import org.jamescollectors.remote.internal.Connection;
import org.jamescollectors.remote.internal.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IMAP4rev1 session (RFC 3501) with one folder selected. Logs in with AUTHENTICATE PLAIN
 * (SASL-IR when offered) or LOGIN, always sending UTF-8 octets, and only ever reads messages
 * with BODY.PEEK so that no flag changes.
 */
public final class ImapSession implements MailSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(ImapSession.class);
    private static final int UIDS_PER_COMMAND = 500;

    private final Connection connection;
    private final Credentials credentials;
    private final ImapExchange exchange;
    private String folder = "";
    private FolderAccess access = FolderAccess.READ_WRITE;
    private boolean readOnly;

    private ImapSession(Connection connection, Credentials credentials) {
        this.connection = connection;
        this.credentials = credentials;
        this.exchange = new ImapExchange(connection, new ImapResponseReader(connection),
            credentials);
    }

    /** Reads the greeting, secures the connection as asked, logs in and opens {@code folder}. */
    public static ImapSession start(Connection connection, Security security, TlsTrust trust,
                                    Credentials credentials, String folder, FolderAccess access)
        throws RemoteException {
        ImapSession session = new ImapSession(connection, credentials);
        boolean preauthenticated = session.exchange.greeting();
        if (security == Security.STARTTLS) {
            if (preauthenticated) {
                // RFC 3501 §6.2.1: after PREAUTH, STARTTLS can no longer be issued.
                throw connection.fail(RemoteException.of(FailureKind.TLS, connection.host()
                    + " logged us in before STARTTLS (PREAUTH), so the connection cannot be"
                    + " secured: choose TLS, or another port."));
            }
            session.startTls(trust);
        }
        if (!preauthenticated) {
            session.login();
        }
        session.select(folder, access);
        LOGGER.debug("Opened IMAP folder on {}", connection.host());
        return session;
    }

    /** RFC 2595 §3.1 and RFC 3501 §6.2.1: STARTTLS first, capabilities discarded after it. */
    private void startTls(TlsTrust trust) throws RemoteException {
        if (!exchange.has("STARTTLS")) {
            throw connection.fail(RemoteException.of(FailureKind.TLS, host()
                + " does not offer STARTTLS on this port: choose TLS, or another port."));
        }
        ImapResponse done = exchange.execute(ImapCommand.of("STARTTLS"));
        if (!done.isOk()) {
            throw connection.fail(RemoteException.of(FailureKind.TLS, host()
                + " refused STARTTLS: " + credentials.scrub(done.text())));
        }
        connection.startTls(trust);
        exchange.forgetCapabilities();
    }

    private void login() throws RemoteException {
        ImapResponse done;
        if (exchange.has("AUTH=PLAIN")) {
            done = exchange.authenticatePlain(exchange.has("SASL-IR"));
        } else if (exchange.has("LOGINDISABLED")) {
            throw loginDisabled();
        } else {
            done = exchange.execute(ImapCommand.of("LOGIN")
                .astring(credentials.usernameBytes())
                .astring(credentials.passwordBytes()));
        }
        if (!done.isOk()) {
            throw loginRefused(done);
        }
        if (!done.codeName().equals("CAPABILITY")) {
            // RFC 3501 §6.2.3: capabilities may change once logged in; ask again when needed.
            exchange.forgetCapabilities();
        }
        LOGGER.debug("Logged in to IMAP server {}", host());
    }

    private RemoteException loginDisabled() {
        if (connection.isSecure()) {
            return RemoteException.of(FailureKind.PROTOCOL, host()
                + " offers no login method this collector supports (LOGIN or AUTH=PLAIN).");
        }
        return RemoteException.of(FailureKind.TLS, host() + " only accepts logins over TLS"
            + " (LOGINDISABLED): choose STARTTLS or TLS.");
    }

    private RemoteException loginRefused(ImapResponse done) {
        String text = credentials.scrub(done.text());
        if (done.isTemporaryRefusal()) {
            return RemoteException.of(FailureKind.THROTTLED, host()
                + " asked to try again later: " + text);
        }
        if (done.codeName().equals("PRIVACYREQUIRED")) {
            return RemoteException.of(FailureKind.TLS, host() + " requires TLS to log in: "
                + text);
        }
        if (done.isStatus("BAD")) {
            return RemoteException.of(FailureKind.PROTOCOL, host()
                + " did not understand the login command: " + text);
        }
        return RemoteException.of(FailureKind.AUTHENTICATION, host()
            + " refused the user name or password: " + text);
    }

    private void select(String name, FolderAccess access) throws RemoteException {
        String wireName = name.equalsIgnoreCase("INBOX") ? "INBOX" : ModifiedUtf7.encode(name);
        folder = name;
        this.access = access;
        readOnly = access == FolderAccess.READ_ONLY;
        exchange.resetFolder();
        String verb = readOnly ? "EXAMINE" : "SELECT";
        ImapResponse done = exchange.execute(ImapCommand.of(verb)
            .astring(wireName.getBytes(StandardCharsets.US_ASCII)));
        if (!done.isOk()) {
            FailureKind kind = done.isTemporaryRefusal() ? FailureKind.THROTTLED
                : FailureKind.PROTOCOL;
            throw RemoteException.of(kind, "The folder \"" + name + "\" could not be opened on "
                + host() + " (does it exist?): " + credentials.scrub(done.text()));
        }
        readOnly = readOnly || done.codeName().equals("READ-ONLY");
        if (exchange.uidValidity() <= 0) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, host()
                + " did not give the folder's UIDVALIDITY, so its messages cannot be told apart"
                + " between sessions."));
        }
    }

    @Override
    public List<RemoteMessage> messages() throws RemoteException {
        if (exchange.exists() == 0) {
            return List.of();
        }
        FetchTable table = new FetchTable();
        ImapResponse done = exchange.execute(
            ImapCommand.of("UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)"), table);
        if (!done.isOk()) {
            throw refused(done, "refused to list the messages of \"" + folder + "\"");
        }
        try {
            return table.messages(exchange.uidValidity());
        } catch (IllegalArgumentException e) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, host()
                + " sent an incomplete message listing.", e));
        }
    }

    @Override
    public void retrieve(RemoteMessage message, OutputStream sink)
        throws RemoteException, IOException {
        long uid = uidOf(message);
        BodyFetch fetch = new BodyFetch(uid, sink);
        ImapResponse done = exchange.execute(ImapCommand.of("UID FETCH " + uid + " (BODY.PEEK[])"),
            fetch, fetch);
        if (fetch.wrongMessage()) {
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, host()
                + " answered with another message than the one asked for."));
        }
        if (!done.isOk()) {
            throw refused(done, "refused to send a message");
        }
        if (!fetch.delivered()) {
            throw RemoteException.of(FailureKind.PROTOCOL, "The message is no longer on "
                + host() + ".");
        }
    }

    @Override
    public void delete(List<RemoteMessage> messages) throws RemoteException {
        if (messages.isEmpty()) {
            return;
        }
        if (access == FolderAccess.READ_ONLY) {
            throw new IllegalStateException("this IMAP session was opened read-only");
        }
        List<Long> uids = uidsOf(messages);
        if (readOnly) {
            throw RemoteException.of(FailureKind.PROTOCOL, "The folder \"" + folder
                + "\" is read-only on " + host() + ", so messages cannot be deleted.");
        }
        boolean uidPlus = exchange.has("UIDPLUS");
        for (int from = 0; from < uids.size(); from += UIDS_PER_COMMAND) {
            String set = UidSet.of(uids.subList(from, Math.min(uids.size(),
                from + UIDS_PER_COMMAND)));
            expect(ImapCommand.of("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)"),
                "refused to flag messages as deleted");
            if (uidPlus) {
                // RFC 4315 §2.1: removes only these messages, not others flagged \Deleted.
                expect(ImapCommand.of("UID EXPUNGE " + set), "refused to expunge messages");
            }
        }
        if (!uidPlus) {
            expect(ImapCommand.of("EXPUNGE"), "refused to expunge messages");
        }
    }

    private void expect(ImapCommand command, String what) throws RemoteException {
        ImapResponse done = exchange.execute(command);
        if (!done.isOk()) {
            throw refused(done, what);
        }
    }

    private List<Long> uidsOf(List<RemoteMessage> messages) {
        return messages.stream()
            .map(this::uidOf)
            .sorted()
            .distinct()
            .collect(Collectors.toList());
    }

    private long uidOf(RemoteMessage message) {
        boolean ours = message.protocol() == Protocol.IMAP
            && message.folderEpoch().equals(Long.toString(exchange.uidValidity()));
        if (!ours) {
            throw new IllegalArgumentException("not a message of this folder: " + message);
        }
        return Long.parseLong(message.uid());
    }

    @Override
    public void close() throws RemoteException {
        if (connection.isBroken()) {
            return;
        }
        try {
            exchange.execute(ImapCommand.of("LOGOUT"));
        } catch (RemoteException e) {
            if (!exchange.saidBye()) {
                throw e;
            }
        } finally {
            connection.close();
        }
    }

    @Override
    public void abort() {
        connection.close();
    }

    private RemoteException refused(ImapResponse done, String what) {
        FailureKind kind = done.isTemporaryRefusal() ? FailureKind.THROTTLED
            : FailureKind.PROTOCOL;
        return RemoteException.of(kind, host() + " " + what + ": "
            + credentials.scrub(done.text()));
    }

    private String host() {
        return connection.host();
    }

    /** Streams the BODY[] literal of the one message asked for, and checks it was that one. */
    private static final class BodyFetch
        implements ImapResponseReader.LiteralHandler, ImapExchange.FetchListener {
        private final long uid;
        private final OutputStream sink;
        private boolean streaming;
        private boolean delivered;
        private boolean wrongMessage;

        BodyFetch(long uid, OutputStream sink) {
            this.uid = uid;
            this.sink = sink;
        }

        @Override
        public Optional<ImapValue> literal(String precedingAtom, long length,
                                           Connection connection)
            throws RemoteException, IOException {
            if (!precedingAtom.equalsIgnoreCase("BODY[]") || streaming || delivered) {
                return Optional.empty();
            }
            streaming = true;
            connection.copyTo(sink, length);
            return Optional.of(ImapValue.streamed(length));
        }

        @Override
        public void fetched(long sequence, ImapValue list) throws IOException {
            Map<String, ImapValue> items = FetchTable.items(list);
            ImapValue body = items.get("BODY[]");
            if (body == null) {
                return;
            }
            Optional<Long> answered = Optional.ofNullable(items.get("UID"))
                .map(value -> FetchTable.number(value));
            if (answered.isEmpty() || answered.get() != uid || delivered) {
                wrongMessage = true;
                return;
            }
            if (body.type() == ImapValue.Type.STRING) {
                sink.write(body.bytes());
            }
            delivered = body.type() == ImapValue.Type.STRING
                || body.type() == ImapValue.Type.STREAMED;
        }

        @Override
        public void expunged(long sequence) {
            // A message gone meanwhile: if it is ours, no BODY[] comes and retrieve fails.
        }

        boolean delivered() {
            return delivered;
        }

        boolean wrongMessage() {
            return wrongMessage;
        }
    }
}
