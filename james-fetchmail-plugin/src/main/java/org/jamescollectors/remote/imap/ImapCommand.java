package org.jamescollectors.remote.imap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line under construction, cut where literals go (RFC 3501 §4.3): text segments in
 * between, each literal's octets sent only once the server allows it (or at once with LITERAL+).
 */
final class ImapCommand {
    private final List<byte[]> texts = new ArrayList<>();
    private final List<byte[]> literals = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final String verb;

    private ImapCommand(String verb) {
        this.verb = verb;
        current.append(verb);
    }

    static ImapCommand of(String verbAndArguments) {
        return new ImapCommand(verbAndArguments);
    }

    /** The command's first words, safe to log (never arguments such as passwords). */
    String verb() {
        int space = verb.indexOf(' ');
        return space < 0 ? verb : verb.substring(0, space);
    }

    ImapCommand text(String ascii) {
        current.append(ascii);
        return this;
    }

    /**
     * Appends a string argument: a quoted string when it is printable US-ASCII without quote or
     * backslash, a literal otherwise (non-ASCII octets, specials, any length beyond 1000).
     */
    ImapCommand astring(byte[] value) {
        current.append(' ');
        if (quotable(value)) {
            current.append('"').append(new String(value, StandardCharsets.US_ASCII)).append('"');
        } else {
            texts.add(current.toString().getBytes(StandardCharsets.US_ASCII));
            literals.add(value.clone());
            current.setLength(0);
        }
        return this;
    }

    private static boolean quotable(byte[] value) {
        if (value.length > 1000) {
            return false;
        }
        for (byte b : value) {
            if (b < 0x20 || b > 0x7e || b == '"' || b == '\\') {
                return false;
            }
        }
        return true;
    }

    int literalCount() {
        return literals.size();
    }

    /** The text before literal {@code index} (or the final text), without the literal marker. */
    byte[] textBefore(int index) {
        if (index < texts.size()) {
            return texts.get(index);
        }
        return current.toString().getBytes(StandardCharsets.US_ASCII);
    }

    byte[] literal(int index) {
        return literals.get(index);
    }

    static byte[] join(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }
}
