package org.jamescollectors.remote.pop3;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * A POP3 session (RFC 1939) in the TRANSACTION state. Logs in with SASL PLAIN (RFC 5034) when the
 * server offers it, else USER/PASS, always with UTF-8 octets. Deletions are only committed by
 * {@link #close()} (QUIT, the UPDATE state); {@link #abort()} leaves the maildrop untouched.
 */
public final class Pop3Session implements MailSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(Pop3Session.class);
    /** RFC 5034 §4: an AUTH command with its initial response must fit in 255 octets. */
    private static final int MAX_AUTH_LINE = 255;
    /** RFC 1939 §7: a unique-id is 1 to 70 characters in the range 0x21 to 0x7E. */
    private static final int MAX_UIDL_LENGTH = 70;

    private final Connection connection;
    private final Credentials credentials;
    private final FolderAccess access;
    private final Map<String, Integer> numbers = new HashMap<>();
    private boolean deletionsPending;

    private Pop3Session(Connection connection, Credentials credentials, FolderAccess access) {
        this.connection = connection;
        this.credentials = credentials;
        this.access = access;
    }

    /** Reads the greeting, secures the connection as asked and logs in. */
    public static Pop3Session start(Connection connection, Security security, TlsTrust trust,
                                    Credentials credentials, FolderAccess access)
        throws RemoteException {
        Pop3Session session = new Pop3Session(connection, credentials, access);
        session.greeting();
        Set<String> capabilities = session.capabilities();
        if (security == Security.STARTTLS) {
            session.startTls(capabilities, trust);
            capabilities = session.capabilities();
        }
        session.authenticate(capabilities);
        LOGGER.debug("Logged in to POP3 server {}", connection.host());
        return session;
    }

    private void greeting() throws RemoteException {
        Pop3Reply greeting = reply();
        if (!greeting.isOk()) {
            throw refused(greeting, FailureKind.CONNECTION, host() + " refused the session");
        }
    }

    /** CAPA (RFC 2449); a server without it has no capabilities we could rely on. */
    private Set<String> capabilities() throws RemoteException {
        Pop3Reply reply = command("CAPA");
        if (!reply.isOk()) {
            return Set.of();
        }
        return multiline().stream()
            .map(line -> line.trim().toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    }

    /** RFC 2595 §4: STLS, and nothing sent in clear if it is not offered or refused. */
    private void startTls(Set<String> capabilities, TlsTrust trust) throws RemoteException {
        if (!capabilities.contains("STLS")) {
            throw connection.fail(RemoteException.of(FailureKind.TLS, host()
                + " does not offer STARTTLS (STLS) on this port: choose TLS, or another port."));
        }
        Pop3Reply reply = command("STLS");
        if (!reply.isOk()) {
            throw connection.fail(RemoteException.of(FailureKind.TLS, host()
                + " refused STARTTLS: " + credentials.scrub(reply.text())));
        }
        connection.startTls(trust);
    }

    private void authenticate(Set<String> capabilities) throws RemoteException {
        Pop3Reply reply = offersSaslPlain(capabilities) ? authPlain() : userPass();
        if (!reply.isOk()) {
            throw refused(reply, FailureKind.AUTHENTICATION,
                host() + " refused the user name or password");
        }
    }

    private static boolean offersSaslPlain(Set<String> capabilities) {
        return capabilities.stream()
            .filter(line -> line.startsWith("SASL "))
            .anyMatch(line -> List.of(line.split(" +")).contains("PLAIN"));
    }

    private Pop3Reply authPlain() throws RemoteException {
        String response = credentials.saslPlain();
        String line = "AUTH PLAIN " + response;
        if (line.length() + 2 <= MAX_AUTH_LINE) {
            return command(line);
        }
        Pop3Reply challenge = command("AUTH PLAIN");
        if (challenge.status() != Pop3Reply.Status.CONTINUATION) {
            return challenge;
        }
        Pop3Reply reply = command(response);
        if (reply.status() == Pop3Reply.Status.CONTINUATION) {
            command("*");
            throw connection.fail(RemoteException.of(FailureKind.PROTOCOL, host()
                + " asked for more than SASL PLAIN provides."));
        }
        return reply;
    }

    private Pop3Reply userPass() throws RemoteException {
        Pop3Reply user = command(bytes("USER ", credentials.usernameBytes()));
        if (!user.isOk()) {
            return user;
        }
        // RFC 1939 §7: the PASS argument is the rest of the line, spaces included.
        return command(bytes("PASS ", credentials.passwordBytes()));
    }

    @Override
    public List<RemoteMessage> messages() throws RemoteException {
        Map<Integer, String> uidls = uidls();
        Map<Integer, Long> sizes = sizes();
        List<RemoteMessage> messages = new ArrayList<>();
        numbers.clear();
        for (Map.Entry<Integer, String> entry : uidls.entrySet()) {
            Long size = sizes.get(entry.getKey());
            if (size == null) {
                throw protocolError("listed message " + entry.getKey() + " in UIDL, not LIST");
            }
            numbers.put(entry.getValue(), entry.getKey());
            messages.add(RemoteMessage.pop3(entry.getValue(), size));
        }
        return messages;
    }

    private Map<Integer, String> uidls() throws RemoteException {
        Pop3Reply reply = command("UIDL");
        if (!reply.isOk()) {
            throw RemoteException.of(FailureKind.PROTOCOL, host()
                + " does not support UIDL, so messages cannot be told apart between sessions:"
                + " this server cannot be used safely (try IMAP).");
        }
        Map<Integer, String> uidls = new LinkedHashMap<>();
        for (String line : multiline()) {
            String[] fields = listing(line);
            String uidl = fields[1];
            if (!validUidl(uidl) || uidls.containsValue(uidl)) {
                throw protocolError("sent an invalid or duplicate UIDL");
            }
            uidls.put(number(fields[0]), uidl);
        }
        return uidls;
    }

    private static boolean validUidl(String uidl) {
        return uidl.length() <= MAX_UIDL_LENGTH
            && uidl.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    private Map<Integer, Long> sizes() throws RemoteException {
        Pop3Reply reply = command("LIST");
        if (!reply.isOk()) {
            throw refused(reply, FailureKind.PROTOCOL, host() + " refused to list the messages");
        }
        Map<Integer, Long> sizes = new HashMap<>();
        for (String line : multiline()) {
            String[] fields = listing(line);
            try {
                sizes.put(number(fields[0]), Long.parseLong(fields[1]));
            } catch (NumberFormatException e) {
                throw protocolError("sent an invalid LIST line");
            }
        }
        return sizes;
    }

    private String[] listing(String line) throws RemoteException {
        String[] fields = line.trim().split(" +");
        if (fields.length < 2) {
            throw protocolError("sent an invalid listing line");
        }
        return fields;
    }

    private int number(String text) throws RemoteException {
        try {
            int number = Integer.parseInt(text);
            if (number < 1) {
                throw new NumberFormatException(text);
            }
            return number;
        } catch (NumberFormatException e) {
            throw protocolError("sent an invalid message number");
        }
    }

    @Override
    public void retrieve(RemoteMessage message, OutputStream sink)
        throws RemoteException, IOException {
        int number = numberOf(message);
        Pop3Reply reply = command("RETR " + number);
        if (!reply.isOk()) {
            throw refused(reply, FailureKind.PROTOCOL, host() + " refused to send a message");
        }
        DotStuffedBody.copy(connection, sink);
    }

    @Override
    public void delete(List<RemoteMessage> messages) throws RemoteException {
        if (access == FolderAccess.READ_ONLY) {
            throw new IllegalStateException("this POP3 session was opened read-only");
        }
        for (RemoteMessage message : messages) {
            Pop3Reply reply = command("DELE " + numberOf(message));
            if (!reply.isOk()) {
                throw refused(reply, FailureKind.PROTOCOL, host()
                    + " refused to delete a message");
            }
            deletionsPending = true;
        }
    }

    private int numberOf(RemoteMessage message) {
        Integer number = numbers.get(message.uid());
        if (number == null || !message.folderEpoch().isEmpty()) {
            throw new IllegalArgumentException("not a message of this session: " + message);
        }
        return number;
    }

    /**
     * Sends QUIT, which commits the deletions (RFC 1939 §6). On a connection already broken,
     * fails if deletions were pending (they are lost), else just closes.
     */
    @Override
    public void close() throws RemoteException {
        if (connection.isBroken() && !deletionsPending) {
            return;
        }
        try {
            Pop3Reply reply = command("QUIT");
            if (!reply.isOk()) {
                throw RemoteException.of(FailureKind.PROTOCOL, host()
                    + " could not commit the deletions: " + credentials.scrub(reply.text()));
            }
        } finally {
            connection.close();
        }
    }

    @Override
    public void abort() {
        connection.close();
    }

    private Pop3Reply command(String line) throws RemoteException {
        return command(line.getBytes(StandardCharsets.UTF_8));
    }

    private Pop3Reply command(byte[] line) throws RemoteException {
        connection.send(bytes(line, "\r\n".getBytes(StandardCharsets.US_ASCII)));
        return reply();
    }

    private Pop3Reply reply() throws RemoteException {
        try {
            return Pop3Reply.parse(connection.readLine(), host());
        } catch (RemoteException e) {
            throw connection.fail(e);
        }
    }

    /** The lines of a multi-line response, dot-unstuffed (RFC 1939 §3). */
    private List<String> multiline() throws RemoteException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = new String(connection.readLine(), StandardCharsets.UTF_8);
            if (line.equals(".")) {
                return lines;
            }
            lines.add(line.startsWith(".") ? line.substring(1) : line);
        }
    }

    private RemoteException refused(Pop3Reply reply, FailureKind kind, String what) {
        FailureKind actual = reply.isTemporary() ? FailureKind.THROTTLED : kind;
        String text = credentials.scrub(reply.text());
        return RemoteException.of(actual, what + (text.isEmpty() ? "." : ": " + text));
    }

    private RemoteException protocolError(String what) {
        return connection.fail(RemoteException.of(FailureKind.PROTOCOL, host() + " " + what
            + "."));
    }

    private String host() {
        return connection.host();
    }

    private static byte[] bytes(String prefix, byte[] rest) {
        return bytes(prefix.getBytes(StandardCharsets.US_ASCII), rest);
    }

    private static byte[] bytes(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
