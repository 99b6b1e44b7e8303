package org.jamescollectors.testing.db;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips tests whose peer server is not installed, unless the system property
 * {@code peers.required} is true (CI sets it), in which case they fail.
 */
final class Peers {
    static final String REQUIRED = "peers.required";
    private static final Logger LOGGER = LoggerFactory.getLogger(Peers.class);

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
        String reason = missing + ": skipped (set " + REQUIRED + "=true to make this a failure)";
        LOGGER.warn("{}", reason);
        Assumptions.assumeTrue(false, reason);
    }
}
