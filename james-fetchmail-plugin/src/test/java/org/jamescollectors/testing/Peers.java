package org.jamescollectors.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a peer it needs (Dovecot, a database...) is not installed: it is skipped
 * with a message, unless the system property {@code peers.required} is {@code true} (set by the
 * build when CI=true), where it fails instead.
 */
public final class Peers {
    public static final String REQUIRED_PROPERTY = "peers.required";

    private Peers() {
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /** Skips (or fails, when peers are required) unless {@code installed}. */
    public static void assumeInstalled(boolean installed, String peer, String hint) {
        if (installed) {
            return;
        }
        String message = peer + " is not installed (" + hint + ")";
        if (required()) {
            throw new IllegalStateException(message + " but " + REQUIRED_PROPERTY + "=true");
        }
        Assumptions.assumeTrue(false, message + ": skipping");
    }
}
