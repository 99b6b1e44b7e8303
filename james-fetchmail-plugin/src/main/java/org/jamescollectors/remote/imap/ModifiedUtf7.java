package org.jamescollectors.remote.imap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The modified UTF-7 of IMAP mailbox names (RFC 3501 §5.1.3): printable US-ASCII stands for
 * itself except "&amp;", written "&amp;-"; any other run of characters is written "&amp;", its
 * UTF-16BE code units in base64 with "," for "/" and no padding, then "-".
 */
public final class ModifiedUtf7 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    public static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                encoded.append("&-");
                i++;
            } else if (isDirect(c)) {
                encoded.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && !isDirect(name.charAt(end))) {
                    end++;
                }
                encoded.append('&').append(shifted(name.substring(i, end))).append('-');
                i = end;
            }
        }
        return encoded.toString();
    }

    private static boolean isDirect(char c) {
        return c >= 0x20 && c <= 0x7e;
    }

    private static String shifted(String run) {
        return ENCODER.encodeToString(run.getBytes(StandardCharsets.UTF_16BE)).replace('/', ',');
    }

    /** Decodes a mailbox name; throws {@link IllegalArgumentException} when it is malformed. */
    public static String decode(String encoded) {
        StringBuilder decoded = new StringBuilder();
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (!isDirect(c)) {
                throw new IllegalArgumentException("not modified UTF-7: " + encoded);
            }
            if (c != '&') {
                decoded.append(c);
                i++;
                continue;
            }
            int end = encoded.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated shift in: " + encoded);
            }
            decoded.append(end == i + 1 ? "&" : unshifted(encoded.substring(i + 1, end)));
            i = end + 1;
        }
        return decoded.toString();
    }

    private static String unshifted(String base64) {
        if (base64.indexOf('/') >= 0 || base64.indexOf('=') >= 0) {
            throw new IllegalArgumentException("not modified base64: " + base64);
        }
        byte[] utf16 = DECODER.decode(base64.replace(',', '/'));
        if (utf16.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of UTF-16 bytes in: " + base64);
        }
        return new String(utf16, StandardCharsets.UTF_16BE);
    }
}
