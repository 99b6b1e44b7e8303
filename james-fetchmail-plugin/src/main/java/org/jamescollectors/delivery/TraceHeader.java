package org.jamescollectors.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import org.jamescollectors.collect.CollectorId;

/**
 * The {@code Received} header prepended to every collected message, as raw bytes in front of the
 * remote ones. Its {@code id} is a marker naming the collector and the remote message, so that a
 * message already handed to James can be found again after a crash (RFC 5322 section 3.6.7 trace
 * fields). The marker is one run of lower-case letters and digits so that search indexes keep it
 * as one token; it holds no secret.
 */
public final class TraceHeader {
    public static final String NAME = "Received";
    /** The comment that tells our trace headers from any other {@code Received} header. */
    public static final String PRODUCT_COMMENT = "(James Mail Collectors)";

    private static final String MARKER_PREFIX = "jmc";
    private static final int HASH_HEX_LENGTH = 32;
    private static final int MAX_HOST_LENGTH = 255;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter RFC_5322_DATE =
        DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final String marker;
    private final String text;

    private TraceHeader(String marker, String text) {
        this.marker = marker;
        this.text = text;
    }

    /** The header for {@code message}, collected by {@code localHost} at {@code date}. */
    public static TraceHeader of(CollectedMessage message, String localHost, ZonedDateTime date) {
        String marker = markerFor(message.collectorId(), message.messageKey());
        String text = NAME + ": from " + hostToken(message.remoteHost())
            + " by " + hostToken(localHost)
            + " with " + message.protocol().name() + " " + PRODUCT_COMMENT + CRLF
            + "\tid " + marker + ";" + CRLF
            + "\t" + RFC_5322_DATE.format(date) + CRLF;
        return new TraceHeader(marker, text);
    }

    /** The marker for one remote message of one collector: the same inputs give the same text. */
    public static String markerFor(CollectorId collector, String messageKey) {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(messageKey, "messageKey");
        String collectorHex = collector.asString().replace("-", "");
        return MARKER_PREFIX + collectorHex + sha256Hex(collector.asString() + " " + messageKey)
            .substring(0, HASH_HEX_LENGTH);
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16))
                    .append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Keeps a host name to the characters a host name or address literal may hold. */
    private static String hostToken(String host) {
        StringBuilder token = new StringBuilder();
        for (char c : host.toCharArray()) {
            token.append(isHostChar(c) ? c : '_');
        }
        String cleaned = token.length() == 0 ? "unknown" : token.toString();
        return cleaned.length() > MAX_HOST_LENGTH ? cleaned.substring(0, MAX_HOST_LENGTH) : cleaned;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
    }

    /** True when an unfolded {@code Received} value was written by us for {@code marker}. */
    public static boolean isOursFor(String receivedValue, String marker) {
        return receivedValue.contains(PRODUCT_COMMENT) && carriesMarker(receivedValue, marker);
    }

    /** True when an unfolded {@code Received} value was written by us, for any message. */
    public static boolean isOurs(String receivedValue) {
        return receivedValue.contains(PRODUCT_COMMENT);
    }

    private static boolean carriesMarker(String receivedValue, String marker) {
        return receivedValue.toLowerCase(Locale.ROOT).contains("id " + marker + ";");
    }

    public String marker() {
        return marker;
    }

    /** The whole header field, folded, ending with CRLF. */
    public String asString() {
        return text;
    }

    /** The header field as the bytes to put in front of the message (US-ASCII only). */
    public byte[] asBytes() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceHeader && ((TraceHeader) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text.trim();
    }
}
