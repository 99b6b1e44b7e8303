package org.jamescollectors.remote.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jamescollectors.collect.Password;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;

/**
 * A user name and password ready for the wire, as UTF-8 octets exactly as typed. Refuses CR, LF
 * and NUL, which no login command can carry safely. Also scrubs server text of the secret before
 * it goes into a message, in case a server echoes what it was sent.
 */
public final class Credentials {
    private static final int MAX_SERVER_TEXT = 200;

    private final String username;
    private final String password;
    private final List<String> secrets;

    private Credentials(String username, String password) {
        this.username = username;
        this.password = password;
        this.secrets = new ArrayList<>();
        if (!password.isEmpty()) {
            secrets.add(password);
            secrets.add(saslPlain());
            secrets.add(base64(password.getBytes(StandardCharsets.UTF_8)));
        }
    }

    public static Credentials of(String username, Password password) throws RemoteException {
        check(username, "user name");
        check(password.reveal(), "password");
        return new Credentials(username, password.reveal());
    }

    private static void check(String value, String what) throws RemoteException {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw RemoteException.of(FailureKind.AUTHENTICATION, "The " + what
                + " contains a line break or NUL character, which cannot be sent to a mail"
                + " server.");
        }
    }

    public String username() {
        return username;
    }

    public byte[] usernameBytes() {
        return username.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] passwordBytes() {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** The SASL PLAIN response (RFC 4616): base64 of NUL, user name, NUL, password in UTF-8. */
    public String saslPlain() {
        byte[] user = usernameBytes();
        byte[] secret = passwordBytes();
        byte[] message = new byte[user.length + secret.length + 2];
        System.arraycopy(user, 0, message, 1, user.length);
        System.arraycopy(secret, 0, message, user.length + 2, secret.length);
        return base64(message);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Server text fit for a user message: printable, short, and without the secret. */
    public String scrub(String serverText) {
        String text = serverText;
        for (String secret : secrets) {
            text = text.replace(secret, "[hidden]");
        }
        StringBuilder clean = new StringBuilder();
        text.codePoints()
            .map(c -> Character.isISOControl(c) ? ' ' : c)
            .limit(MAX_SERVER_TEXT)
            .forEach(clean::appendCodePoint);
        return clean.toString().trim();
    }
}
