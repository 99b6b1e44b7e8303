package org.jamescollectors.testing.db;

import java.nio.file.Path;

import org.jamescollectors.store.jdbc.StoreLocation;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class empty databases on a private MariaDB server (see {@link MariaDbServer} for
 * what it needs). The server starts once per JVM, on first use, and stops when the last test has
 * run. Without MariaDB the class is skipped, or fails when {@code peers.required} is true.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final MariaDbExtension MARIADB = new MariaDbExtension();
 * ... StoreLocation location = MARIADB.newDatabase();
 * </pre>
 */
public final class MariaDbExtension implements BeforeAllCallback, TestDatabases {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(MariaDbExtension.class);

    private MariaDbServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        Path[] binaries = MariaDbServer.binaries().orElse(null);
        Peers.require(binaries != null, MariaDbServer.describeMissing());
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(MariaDbServer.class,
            key -> SharedServers.start(() -> MariaDbServer.start(binaries[0], binaries[1])),
            MariaDbServer.class);
    }

    @Override
    public StoreLocation newDatabase() throws Exception {
        return server.createDatabase();
    }

    @Override
    public String backend() {
        return "mariadb";
    }
}
