package org.jamescollectors.remote.imap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One server response (RFC 3501 §7): a continuation request, a status response (OK, NO, BAD,
 * PREAUTH, BYE; tagged or not) with its optional [response code] and text, or untagged data.
 */
final class ImapResponse {
    enum Type { CONTINUATION, TAGGED, UNTAGGED }

    private final Type type;
    private final String tag;
    private final Optional<String> status;
    private final String code;
    private final String text;
    private final List<ImapValue> data;

    private ImapResponse(Type type, String tag, Optional<String> status, String code, String text,
                         List<ImapValue> data) {
        this.type = type;
        this.tag = tag;
        this.status = status;
        this.code = code;
        this.text = text;
        this.data = List.copyOf(data);
    }

    static ImapResponse continuation(String text) {
        return new ImapResponse(Type.CONTINUATION, "+", Optional.empty(), "", text, List.of());
    }

    static ImapResponse status(String tag, String status, String code, String text) {
        Type type = tag.equals("*") ? Type.UNTAGGED : Type.TAGGED;
        return new ImapResponse(type, tag, Optional.of(status.toUpperCase(Locale.ROOT)), code,
            text, List.of());
    }

    static ImapResponse data(List<ImapValue> data) {
        return new ImapResponse(Type.UNTAGGED, "*", Optional.empty(), "", "", data);
    }

    Type type() {
        return type;
    }

    String tag() {
        return tag;
    }

    boolean isStatus(String name) {
        return status.filter(name::equals).isPresent();
    }

    boolean isOk() {
        return isStatus("OK");
    }

    /** The response code's name, upper-cased ("" without a code). */
    String codeName() {
        int space = code.indexOf(' ');
        return (space < 0 ? code : code.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** What follows the response code's name, e.g. the number of [UIDVALIDITY n]. */
    String codeArgument() {
        int space = code.indexOf(' ');
        return space < 0 ? "" : code.substring(space + 1).trim();
    }

    /** RFC 5530 codes asking to come back later. */
    boolean isTemporaryRefusal() {
        String name = codeName();
        return name.equals("UNAVAILABLE") || name.equals("LIMIT") || name.equals("INUSE");
    }

    String text() {
        return text;
    }

    /** Untagged data: the first item is the keyword or the number ("EXISTS" follows "3"). */
    List<ImapValue> data() {
        return data;
    }

    @Override
    public String toString() {
        if (type == Type.UNTAGGED && status.isEmpty()) {
            return "* " + data;
        }
        return tag + " " + status.orElse("") + (code.isEmpty() ? "" : " [" + code + "]") + " "
            + text;
    }
}
