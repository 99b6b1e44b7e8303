package org.jamescollectors.testing.db;

import java.nio.file.Path;

import org.jamescollectors.store.jdbc.StoreLocation;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class empty databases on a private PostgreSQL server (see {@link PostgresServer}
 * for what it needs). The server starts once per JVM, on first use, and stops when the last test
 * has run. Without PostgreSQL the class is skipped, or fails when {@code peers.required} is true.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresExtension POSTGRES = new PostgresExtension();
 * ... StoreLocation location = POSTGRES.newDatabase();
 * </pre>
 */
public final class PostgresExtension implements BeforeAllCallback, TestDatabases {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(PostgresExtension.class);

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path binaries = PostgresServer.binaries().orElse(null);
        Peers.require(binaries != null, PostgresServer.describeMissing());
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PostgresServer.class,
            key -> SharedServers.start(() -> PostgresServer.start(binaries)), PostgresServer.class);
    }

    @Override
    public StoreLocation newDatabase() throws Exception {
        return server.createDatabase();
    }

    @Override
    public String backend() {
        return "postgresql";
    }
}
