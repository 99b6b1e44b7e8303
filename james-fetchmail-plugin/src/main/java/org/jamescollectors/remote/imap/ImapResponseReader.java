package org.jamescollectors.remote.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.internal.Connection;

/**
 * Parses server responses straight from the connection (RFC 3501 §9 grammar, leniently): atoms,
 * quoted strings, literals anywhere (each handed to a {@link LiteralHandler}, which may stream
 * it), nested lists, NIL, and any case for keywords.
 */
final class ImapResponseReader {
    /**
     * May take a literal over, e.g. to stream it: it then reads exactly {@code length} bytes
     * from the connection. Empty leaves it to the reader, which keeps it in memory.
     */
    interface LiteralHandler {
        Optional<ImapValue> literal(String precedingAtom, long length, Connection connection)
            throws RemoteException, IOException;
    }

    /** Keeps every literal in memory, within the response's memory budget. */
    static final LiteralHandler IN_MEMORY = (atom, length, connection) -> Optional.empty();

    /** What one response may hold in memory: atoms, strings and literals together. */
    private static final long MAX_RESPONSE_MEMORY = 16 * 1024 * 1024;
    private static final int MAX_TOKEN = 64 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> STATUSES = Set.of("OK", "NO", "BAD", "PREAUTH", "BYE");

    private final Connection connection;
    private long memory;

    ImapResponseReader(Connection connection) {
        this.connection = connection;
    }

    ImapResponse read(LiteralHandler handler) throws RemoteException, IOException {
        try {
            return parse(handler);
        } catch (RemoteException e) {
            throw connection.fail(e);
        }
    }

    private ImapResponse parse(LiteralHandler handler) throws RemoteException, IOException {
        memory = 0;
        String tag = word();
        if (tag.equals("+")) {
            return ImapResponse.continuation(restOfLine());
        }
        if (tag.isEmpty()) {
            throw malformed();
        }
        String first = word();
        if (STATUSES.contains(first.toUpperCase(Locale.ROOT))) {
            return status(tag, first);
        }
        if (!tag.equals("*") || first.isEmpty()) {
            throw malformed();
        }
        List<ImapValue> data = new ArrayList<>();
        data.add(ImapValue.atom(first));
        data.addAll(values(handler));
        return ImapResponse.data(data);
    }

    private ImapResponse status(String tag, String status) throws RemoteException {
        String code = "";
        if (!atEndOfLine() && connection.peek() == '[') {
            connection.read();
            code = until(']');
            if (connection.peek() == ' ') {
                connection.read();
            }
        }
        return ImapResponse.status(tag, status, code, restOfLine());
    }

    /** Reads up to a space (consumed) or the end of the line (left in place). */
    private String word() throws RemoteException {
        StringBuilder word = new StringBuilder();
        while (!atEndOfLine() && connection.peek() != ' ') {
            append(word, connection.read());
        }
        if (!atEndOfLine()) {
            connection.read();
        }
        return word.toString();
    }

    private String until(char end) throws RemoteException {
        StringBuilder text = new StringBuilder();
        while (connection.peek() != end) {
            if (atEndOfLine()) {
                throw malformed();
            }
            append(text, connection.read());
        }
        connection.read();
        return text.toString();
    }

    private String restOfLine() throws RemoteException {
        return new String(connection.readLine(), StandardCharsets.UTF_8);
    }

    private List<ImapValue> values(LiteralHandler handler) throws RemoteException, IOException {
        List<ImapValue> values = new ArrayList<>();
        while (true) {
            int next = connection.peek();
            if (next == '\r' || next == '\n') {
                connection.readLine();
                return values;
            }
            if (next == ' ') {
                connection.read();
            } else {
                values.add(value(handler, previousAtom(values), 0));
            }
        }
    }

    private static String previousAtom(List<ImapValue> values) {
        if (values.isEmpty()) {
            return "";
        }
        ImapValue last = values.get(values.size() - 1);
        return last.type() == ImapValue.Type.ATOM ? last.text() : "";
    }

    private ImapValue value(LiteralHandler handler, String precedingAtom, int depth)
        throws RemoteException, IOException {
        int next = connection.peek();
        switch (next) {
            case '(':
                return list(handler, depth + 1);
            case '"':
                return quoted();
            case '{':
                return literal(handler, precedingAtom);
            case '~':
                connection.read();
                return literal(handler, precedingAtom);
            case ')':
                throw malformed();
            default:
                String atom = atom();
                return atom.equalsIgnoreCase("NIL") ? ImapValue.nil() : ImapValue.atom(atom);
        }
    }

    private ImapValue list(LiteralHandler handler, int depth) throws RemoteException, IOException {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        connection.read();
        List<ImapValue> items = new ArrayList<>();
        while (true) {
            int next = connection.peek();
            if (next == ')') {
                connection.read();
                return ImapValue.list(items);
            }
            if (next == '\r' || next == '\n') {
                throw malformed();
            }
            if (next == ' ') {
                connection.read();
            } else {
                items.add(value(handler, previousAtom(items), depth));
            }
        }
    }

    private ImapValue quoted() throws RemoteException {
        connection.read();
        byte[] bytes = new byte[256];
        int length = 0;
        while (true) {
            int b = connection.read();
            if (b == '"') {
                return ImapValue.string(Arrays.copyOf(bytes, length));
            }
            if (b == '\\') {
                b = connection.read();
            }
            if (b == '\r' || b == '\n' || length == MAX_TOKEN) {
                throw malformed();
            }
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            charge(1);
            bytes[length++] = (byte) b;
        }
    }

    private ImapValue literal(LiteralHandler handler, String precedingAtom)
        throws RemoteException, IOException {
        connection.read();
        String digits = until('}');
        if (digits.endsWith("+")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        boolean number = !digits.isEmpty() && digits.length() <= 18
            && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!number || connection.readLine().length != 0) {
            throw malformed();
        }
        long length = Long.parseLong(digits);
        Optional<ImapValue> taken = handler.literal(precedingAtom, length, connection);
        if (taken.isPresent()) {
            return taken.get();
        }
        charge(length);
        return ImapValue.string(connection.readExactly((int) length));
    }

    private void charge(long bytes) throws RemoteException {
        memory += bytes;
        if (memory > MAX_RESPONSE_MEMORY) {
            throw RemoteException.of(FailureKind.PROTOCOL, connection.host()
                + " sent an unexpectedly large reply (over " + MAX_RESPONSE_MEMORY + " bytes).");
        }
    }

    /**
     * An atom, leniently: anything up to a space, parenthesis or line end, where a "[...]"
     * section may hold spaces and parentheses, as in BODY[HEADER.FIELDS (FROM)]&lt;0&gt;.
     */
    private String atom() throws RemoteException {
        StringBuilder atom = new StringBuilder();
        int depth = 0;
        while (true) {
            int next = connection.peek();
            boolean separator = next == ' ' || next == '(' || next == ')';
            if (next == '\r' || next == '\n' || (separator && depth == 0)) {
                break;
            }
            depth += next == '[' ? 1 : next == ']' ? -1 : 0;
            append(atom, connection.read());
        }
        if (atom.length() == 0) {
            throw malformed();
        }
        return atom.toString();
    }

    private boolean atEndOfLine() throws RemoteException {
        int next = connection.peek();
        return next == '\r' || next == '\n';
    }

    private void append(StringBuilder builder, int b) throws RemoteException {
        if (builder.length() == MAX_TOKEN) {
            throw malformed();
        }
        charge(1);
        builder.append((char) b);
    }

    private RemoteException malformed() {
        return RemoteException.of(FailureKind.PROTOCOL, connection.host()
            + " sent a reply that is not valid IMAP.");
    }
}
