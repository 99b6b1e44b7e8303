package org.jamescollectors.remote;

import java.util.stream.Stream;

/** Passwords that break naive quoting or ISO-8859-1 encoding; each must log in as typed. */
public final class NastyPasswords {
    private NastyPasswords() {
    }

    public static Stream<String> all() {
        return Stream.of(
            "plain-ascii-1",
            "with \"double\" quotes",
            "back\\slash\\\\double",
            "(parentheses) and [brackets] {3}",
            "  spaces  around and inside  ",
            "section \u00a7 and euro \u20ac",
            "\u00e9\u00e8\u00e7\u00e0\u00f9 \u00c4\u00d6\u00dc\u00df \u0142\u00f3d\u017a",
            "*%&~`'!#$^=+|;:,<>?/",
            long200());
    }

    /** 200 characters mixing ASCII specials and multi-byte letters. */
    public static String long200() {
        return "\u20ac\"\\( )\u00e9a".repeat(25);
    }
}
