package org.jamescollectors.notify;

import java.util.Objects;

/**
 * The mail a collector's owner gets when it is paused, before it is put into MIME: a subject of
 * one line and a plain-text body, both free of control characters a header could be split on.
 */
public final class PauseNotice {
    private final String subject;
    private final String body;

    private PauseNotice(String subject, String body) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.body = Objects.requireNonNull(body, "body");
        if (subject.chars().anyMatch(NoticeTemplate::isLineBreakOrControl)) {
            throw new IllegalArgumentException(
                "a subject must be one line without control characters");
        }
    }

    public static PauseNotice of(String subject, String body) {
        return new PauseNotice(subject, body);
    }

    public String subject() {
        return subject;
    }

    /** The body, lines separated by CRLF. */
    public String body() {
        return body;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PauseNotice && ((PauseNotice) o).subject.equals(subject)
            && ((PauseNotice) o).body.equals(body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, body);
    }

    @Override
    public String toString() {
        return "PauseNotice{" + subject + "}";
    }
}
