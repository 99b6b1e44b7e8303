package org.jamescollectors.testing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.jamescollectors.collect.Protocol;

/** What servers are seen to serve for a stored message: their documented normalisations. */
public final class ServedForm {
    private ServedForm() {
    }

    /**
     * Dovecot 2.3 (raw Maildir file): bare LF becomes CRLF; IMAP turns NUL into 0x80; POP3 adds
     * a final CRLF when the message has no final newline.
     */
    public static byte[] dovecot(Protocol protocol, byte[] stored) {
        byte[] crlf = bareLfToCrlf(stored);
        if (protocol == Protocol.IMAP) {
            return replaceNul(crlf, (byte) 0x80);
        }
        return withFinalCrlf(crlf);
    }

    public static byte[] bareLfToCrlf(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(bytes[i]);
        }
        return out.toByteArray();
    }

    public static byte[] replaceNul(byte[] bytes, byte replacement) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == 0) {
                copy[i] = replacement;
            }
        }
        return copy;
    }

    public static byte[] withFinalCrlf(byte[] bytes) {
        int length = bytes.length;
        if (length >= 2 && bytes[length - 2] == '\r' && bytes[length - 1] == '\n') {
            return bytes;
        }
        byte[] longer = Arrays.copyOf(bytes, length + 2);
        longer[length] = '\r';
        longer[length + 1] = '\n';
        return longer;
    }
}
