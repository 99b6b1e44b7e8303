package org.jamescollectors.collect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The protocol a collector speaks to its remote account. */
public enum Protocol {
    POP3("pop3", 995, 110),
    IMAP("imap", 993, 143);

    private final String wireName;
    private final int implicitTlsPort;
    private final int plainPort;

    Protocol(String wireName, int implicitTlsPort, int plainPort) {
        this.wireName = wireName;
        this.implicitTlsPort = implicitTlsPort;
        this.plainPort = plainPort;
    }

    /** The lower-case name used in the API and the store. */
    public String wireName() {
        return wireName;
    }

    /** The usual port for this protocol under the given security mode. */
    public int defaultPort(Security security) {
        return security == Security.TLS ? implicitTlsPort : plainPort;
    }

    public static Optional<Protocol> fromWireName(String name) {
        return Arrays.stream(values())
            .filter(protocol -> protocol.wireName.equals(name.toLowerCase(Locale.ROOT)))
            .findFirst();
    }
}
