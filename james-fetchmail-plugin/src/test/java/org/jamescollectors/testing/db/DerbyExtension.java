package org.jamescollectors.testing.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jamescollectors.store.jdbc.StoreLocation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class empty embedded Derby databases in a temporary folder; after the class, shuts
 * each down and deletes the folder. Needs nothing installed: Derby runs in the test JVM. Close
 * the pools on these databases in an {@code @AfterAll} of the class.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final DerbyExtension DERBY = new DerbyExtension();
 * ... StoreLocation location = DERBY.newDatabase();
 * </pre>
 */
public final class DerbyExtension implements BeforeAllCallback, AfterAllCallback, TestDatabases {
    private static final String SHUT_DOWN = "08006";

    private final List<Path> created = new ArrayList<>();
    private Path folder;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("collectors-derby-");
    }

    @Override
    public synchronized StoreLocation newDatabase() {
        Path database = folder.resolve("db" + (created.size() + 1));
        created.add(database);
        return StoreLocation.resolve(Map.of(StoreLocation.URL,
            "jdbc:derby:" + database + ";create=true"), Optional.empty(), folder.resolve("var"));
    }

    @Override
    public String backend() {
        return "derby";
    }

    /** The folder the databases are in. */
    public Path folder() {
        return folder;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        for (Path database : created) {
            shutDown(database);
        }
        ProcessRunner.deleteTree(folder);
    }

    private static void shutDown(Path database) throws SQLException {
        if (!Files.exists(database)) {
            return;
        }
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!SHUT_DOWN.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
