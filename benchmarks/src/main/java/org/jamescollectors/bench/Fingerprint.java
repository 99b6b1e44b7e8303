package org.jamescollectors.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies a delivered copy whatever the path added to its header: the {@code X-Bench-Id}
 * tag and a hash of the body with carriage returns and trailing line ends left out (transports
 * may turn bare LF into CRLF; every hop adds its own trace headers).
 */
final class Fingerprint {
    private static final Pattern TAG = Pattern.compile("(?mi)^X-Bench-Id: (\\d+)\\r?$");

    private Fingerprint() {
    }

    static OptionalInt id(byte[] message) {
        String header = new String(message, 0, headerEnd(message), StandardCharsets.ISO_8859_1);
        Matcher matcher = TAG.matcher(header);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
            : OptionalInt.empty();
    }

    static String bodyHash(byte[] message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(message.length);
        for (int i = headerEnd(message); i < message.length; i++) {
            if (message[i] != '\r') {
                body.write(message[i]);
            }
        }
        byte[] bytes = body.toByteArray();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        return hex(sha256(bytes, end));
    }

    /** The offset just after the blank line ending the header (the whole message when none). */
    private static int headerEnd(byte[] message) {
        for (int i = 0; i < message.length - 1; i++) {
            if (message[i] == '\n' && message[i + 1] == '\n') {
                return i + 2;
            }
            if (message[i] == '\n' && message[i + 1] == '\r' && i + 2 < message.length
                && message[i + 2] == '\n') {
                return i + 3;
            }
        }
        return message.length;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16))
                .append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
