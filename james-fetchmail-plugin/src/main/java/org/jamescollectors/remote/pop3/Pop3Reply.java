package org.jamescollectors.remote.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;

/** One POP3 status line: {@code +OK}, {@code -ERR} or a SASL continuation ({@code +}). */
final class Pop3Reply {
    enum Status { OK, ERR, CONTINUATION }

    private final Status status;
    private final String text;

    private Pop3Reply(Status status, String text) {
        this.status = status;
        this.text = text;
    }

    static Pop3Reply parse(byte[] line, String host) throws RemoteException {
        String decoded = new String(line, StandardCharsets.UTF_8);
        String upper = decoded.toUpperCase(Locale.ROOT);
        if (upper.startsWith("+OK")) {
            return new Pop3Reply(Status.OK, rest(decoded, 3));
        }
        if (upper.startsWith("-ERR")) {
            return new Pop3Reply(Status.ERR, rest(decoded, 4));
        }
        if (decoded.equals("+") || decoded.startsWith("+ ")) {
            return new Pop3Reply(Status.CONTINUATION, rest(decoded, 1));
        }
        throw RemoteException.of(FailureKind.PROTOCOL, host + " sent a reply that is not POP3.");
    }

    private static String rest(String line, int from) {
        return line.substring(from).trim();
    }

    Status status() {
        return status;
    }

    boolean isOk() {
        return status == Status.OK;
    }

    String text() {
        return text;
    }

    /** The RFC 2449 §8 response code at the start of an {@code -ERR} text, upper-cased. */
    Optional<String> code() {
        if (!text.startsWith("[")) {
            return Optional.empty();
        }
        int end = text.indexOf(']');
        if (end < 0) {
            return Optional.empty();
        }
        return Optional.of(text.substring(1, end).toUpperCase(Locale.ROOT));
    }

    /** RFC 2449 IN-USE and LOGIN-DELAY, RFC 3206 SYS/TEMP: try again later. */
    boolean isTemporary() {
        return code()
            .filter(code -> code.startsWith("IN-USE") || code.startsWith("LOGIN-DELAY")
                || code.startsWith("SYS/TEMP"))
            .isPresent();
    }
}
