package org.jamescollectors.testing.db;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips tests whose peer server is not installed, unless the system property
 * {@code peers.required} is true (CI sets it), in which case they fail.
 */
final class Peers {
    static final String REQUIRED = "peers.required";

    private Peers() {
    }

    static void require(boolean installed, String missing) {
        if (installed) {
            return;
        }
        if (Boolean.getBoolean(REQUIRED)) {
            throw new IllegalStateException(missing + "; " + REQUIRED
                + "=true, so this fails instead of skipping");
        }
        Assumptions.assumeTrue(false, missing + ": skipped (set " + REQUIRED
            + "=true to make this a failure)");
    }
}
