package org.jamescollectors.collect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a collector protects its connection. */
public enum Security {
    /** TLS from the first byte (POP3S 995, IMAPS 993). */
    TLS("tls"),
    /**
     * A plain connection upgraded with STLS/STARTTLS before any credential is sent; refused if not
     * offered.
     */
    STARTTLS("starttls"),
    /** No encryption at all: only where the operator allows plaintext. */
    NONE("none");

    private final String wireName;

    Security(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Security> fromWireName(String name) {
        return Arrays.stream(values())
            .filter(security -> security.wireName.equals(name.toLowerCase(Locale.ROOT)))
            .findFirst();
    }
}
