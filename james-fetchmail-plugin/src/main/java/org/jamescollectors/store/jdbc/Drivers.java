package org.jamescollectors.store.jdbc;

import java.util.Optional;
import java.util.regex.Pattern;

/** The JDBC drivers the plugin ships, and how to keep passwords out of a URL we show. */
final class Drivers {
    static final String DERBY_EMBEDDED = "org.apache.derby.jdbc.EmbeddedDriver";
    /** The class embedded Derby registers with DriverManager, whichever of the two was named. */
    static final String DERBY_AUTOLOADED = "org.apache.derby.jdbc.AutoloadedDriver";
    static final String POSTGRESQL = "org.postgresql.Driver";
    static final String MARIADB = "org.mariadb.jdbc.Driver";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd)=[^;&]*");

    private Drivers() {
    }

    /** The driver for the URL among those we ship, if any. */
    static Optional<String> forUrl(String url) {
        if (url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            return Optional.of(DERBY_EMBEDDED);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    /**
     * The driver class to give the pool: Derby's registered class for its embedded driver, so
     * that the pool finds it among DriverManager's drivers; any other class as it is.
     */
    static String forPool(String driverClassName) {
        return DERBY_EMBEDDED.equals(driverClassName) ? DERBY_AUTOLOADED : driverClassName;
    }

    /** The URL with the value of any password parameter replaced by stars. */
    static String hidePasswords(String url) {
        return PASSWORD.matcher(url).replaceAll("$1=***");
    }
}
