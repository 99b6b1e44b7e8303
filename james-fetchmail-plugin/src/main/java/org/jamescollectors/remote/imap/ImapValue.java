package org.jamescollectors.remote.imap;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One parsed IMAP data item: atom, string (quoted or literal), NIL, list or streamed literal. */
final class ImapValue {
    enum Type { ATOM, STRING, NIL, LIST, STREAMED }

    private static final ImapValue NIL = new ImapValue(Type.NIL, "", null, List.of(), 0);

    private final Type type;
    private final String atom;
    private final byte[] bytes;
    private final List<ImapValue> items;
    private final long length;

    private ImapValue(Type type, String atom, byte[] bytes, List<ImapValue> items, long length) {
        this.type = type;
        this.atom = atom;
        this.bytes = bytes;
        this.items = items;
        this.length = length;
    }

    static ImapValue atom(String atom) {
        return new ImapValue(Type.ATOM, Objects.requireNonNull(atom), null, List.of(), 0);
    }

    static ImapValue string(byte[] bytes) {
        return new ImapValue(Type.STRING, "", bytes.clone(), List.of(), bytes.length);
    }

    static ImapValue nil() {
        return NIL;
    }

    static ImapValue list(List<ImapValue> items) {
        return new ImapValue(Type.LIST, "", null, List.copyOf(items), 0);
    }

    /** A literal that went straight to a sink instead of memory. */
    static ImapValue streamed(long length) {
        return new ImapValue(Type.STREAMED, "", null, List.of(), length);
    }

    Type type() {
        return type;
    }

    boolean isAtom(String name) {
        return type == Type.ATOM && atom.equalsIgnoreCase(name);
    }

    /** The atom, or the string decoded as UTF-8. */
    String text() {
        if (type == Type.STRING) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return atom;
    }

    String upperText() {
        return text().toUpperCase(Locale.ROOT);
    }

    byte[] bytes() {
        return type == Type.STRING ? bytes.clone() : new byte[0];
    }

    List<ImapValue> items() {
        return items;
    }

    long length() {
        return length;
    }

    @Override
    public String toString() {
        switch (type) {
            case LIST:
                return items.toString();
            case STREAMED:
                return "{" + length + " streamed}";
            case NIL:
                return "NIL";
            default:
                return text();
        }
    }
}
