package org.jamescollectors.notify;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice template: its first line is the subject, the rest (after one optional blank line) the
 * body. {@code ${name}} placeholders are replaced by values; a placeholder without a value is
 * left as written, so a typo in an operator's template shows instead of vanishing. Values are
 * flattened to one line (line breaks and other control characters become spaces), so a value
 * such as a collector's name can neither add a header nor forge lines of the body.
 */
public final class NoticeTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String CRLF = "\r\n";

    private final String subject;
    private final String body;

    private NoticeTemplate(String subject, String body) {
        this.subject = subject;
        this.body = body;
    }

    /** Parses a template; throws {@link IllegalArgumentException} when it has no subject. */
    public static NoticeTemplate parse(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        int end = normalized.indexOf('\n');
        String subject = end < 0 ? normalized : normalized.substring(0, end);
        String body = end < 0 ? "" : normalized.substring(end + 1);
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a notice template starts with its subject line");
        }
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        return new NoticeTemplate(subject.trim(), body);
    }

    /** The notice with every known placeholder replaced by its flattened value. */
    public PauseNotice render(Map<String, String> values) {
        String renderedSubject = flatten(substitute(subject, values)).trim();
        String renderedBody = substitute(body, values).replace("\n", CRLF);
        return PauseNotice.of(renderedSubject, renderedBody);
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : flatten(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The text on one line: every line break or other control character becomes a space. */
    static String flatten(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(isLineBreakOrControl(c) ? ' ' : c));
        return out.toString();
    }

    static boolean isLineBreakOrControl(int c) {
        return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
    }
}
