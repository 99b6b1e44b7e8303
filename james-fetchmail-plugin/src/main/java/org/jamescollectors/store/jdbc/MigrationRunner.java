package org.jamescollectors.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the collector tables to the newest schema version this code knows, at start-up. The
 * scripts are listed, in order, in the {@code index} file of a classpath folder; a script in the
 * folder's {@code <dialect>/} subfolder replaces the common one on that dialect. Each applied
 * script is recorded with its checksum in {@code collectors_schema_version}.
 *
 * <p>Safe when several nodes start at once on one database: they take turns under a lock (see
 * {@link Dialect#lockMigrations}). Refuses a changed applied script and a schema newer than the
 * scripts it knows.
 */
public final class MigrationRunner {
    /** The scripts of this version of the plugin. */
    public static final String MIGRATIONS = "org/jamescollectors/store/jdbc/migrations";
    static final String VERSION_TABLE = "collectors_schema_version";
    private static final Logger LOGGER = LoggerFactory.getLogger(MigrationRunner.class);
    private static final String CREATE_VERSION_TABLE = "CREATE TABLE " + VERSION_TABLE + " ("
        + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL, "
        + "checksum VARCHAR(64) NOT NULL, applied_at BIGINT NOT NULL)";

    private final List<Migration> migrations;
    private final Clock clock;

    private MigrationRunner(List<Migration> migrations, Clock clock) {
        this.migrations = List.copyOf(migrations);
        this.clock = clock;
    }

    /** The runner for the scripts this plugin ships. */
    public static MigrationRunner forThisVersion() {
        return fromClasspath(MIGRATIONS, MigrationRunner.class.getClassLoader());
    }

    /** The runner for the scripts listed in {@code folder/index} on the class loader's path. */
    public static MigrationRunner fromClasspath(String folder, ClassLoader loader) {
        List<Migration> migrations = new ArrayList<>();
        for (String name : lines(read(loader, folder + "/index").orElseThrow(() ->
            new MigrationException("no migration index at " + folder + "/index")))) {
            String common = read(loader, folder + "/" + name).orElseThrow(() ->
                new MigrationException("migration " + name + " is listed but missing in "
                    + folder));
            migrations.add(Migration.of(name, common, overrides(loader, folder, name)));
        }
        return new MigrationRunner(checkOrder(migrations), Clock.systemUTC());
    }

    /** The newest schema version the scripts reach. */
    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Applies the scripts the database lacks and returns their names (empty when it was up to
     * date).
     *
     * @throws MigrationException when an applied script was changed, the schema is newer than
     *     the scripts, a script fails or the database cannot be reached
     */
    public List<String> migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            dialect.prepareMigrationLock(connection);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            try {
                return migrateLocked(connection, dialect);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrationException(
                "could not migrate the collector schema: " + e.getMessage(), e);
        }
    }

    private List<String> migrateLocked(Connection connection, Dialect dialect)
        throws SQLException {
        dialect.lockMigrations(connection);
        try {
            dialect.createTableIfAbsent(connection, CREATE_VERSION_TABLE + dialect.tableOptions());
            List<Migration> pending = pending(applied(connection), dialect);
            for (Migration migration : pending) {
                apply(connection, dialect, migration);
            }
            connection.commit();
            return pending.stream().map(Migration::name).collect(Collectors.toList());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            dialect.unlockMigrations(connection);
        }
    }

    private List<Migration> pending(TreeMap<Integer, Applied> applied, Dialect dialect) {
        int current = applied.isEmpty() ? 0 : applied.lastKey();
        if (current > latestVersion()) {
            throw new MigrationException("the collector schema is at version " + current + " ("
                + applied.get(current).script + "), newer than the " + latestVersion()
                + " this plugin knows: run a plugin at least as new as the one that upgraded it");
        }
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : migrations) {
            Applied done = applied.get(migration.version());
            if (done == null) {
                pending.add(requireAfter(migration, current));
            } else {
                verify(migration, done, dialect);
            }
        }
        return pending;
    }

    private static Migration requireAfter(Migration migration, int current) {
        if (migration.version() < current) {
            throw new MigrationException("migration " + migration.name() + " was never applied, "
                + "but the schema is already at version " + current);
        }
        return migration;
    }

    private static void verify(Migration migration, Applied applied, Dialect dialect) {
        if (!applied.script.equals(migration.name())) {
            throw new MigrationException("schema version " + migration.version()
                + " was applied as " + applied.script + ", but this plugin names it "
                + migration.name());
        }
        if (!applied.checksum.equals(migration.checksum(dialect))) {
            throw new MigrationException("migration " + migration.name()
                + " was changed after it was applied: checksum " + applied.checksum
                + " in the database, " + migration.checksum(dialect) + " in this plugin");
        }
    }

    private void apply(Connection connection, Dialect dialect, Migration migration)
        throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements(dialect)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new MigrationException("migration " + migration.name() + " failed on "
                + dialect.directory() + ": " + e.getMessage(), e);
        }
        record(connection, dialect, migration);
        if (!dialect.transactionalDdl()) {
            connection.commit();
        }
        LOGGER.info("Applied collector schema migration {}", migration.name());
    }

    private void record(Connection connection, Dialect dialect, Migration migration)
        throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VERSION_TABLE
            + " (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.name());
            insert.setString(3, migration.checksum(dialect));
            insert.setLong(4, clock.millis());
            insert.executeUpdate();
        }
    }

    private static TreeMap<Integer, Applied> applied(Connection connection) throws SQLException {
        TreeMap<Integer, Applied> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                 "SELECT version, script, checksum FROM " + VERSION_TABLE)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), new Applied(rows.getString(2), rows.getString(3)));
            }
        }
        return applied;
    }

    private static List<Migration> checkOrder(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new MigrationException("migrations must be numbered 1, 2, 3... in order: "
                    + migrations.get(i).name() + " is number " + (i + 1) + " in the index");
            }
        }
        return migrations;
    }

    private static Map<Dialect, String> overrides(ClassLoader loader, String folder, String name) {
        Map<Dialect, String> overrides = new EnumMap<>(Dialect.class);
        for (Dialect dialect : Dialect.values()) {
            read(loader, folder + "/" + dialect.directory() + "/" + name)
                .ifPresent(text -> overrides.put(dialect, text));
        }
        return overrides;
    }

    private static List<String> lines(String text) {
        return text.lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toList());
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(reader.lines().collect(Collectors.joining("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static final class Applied {
        private final String script;
        private final String checksum;

        private Applied(String script, String checksum) {
            this.script = script;
            this.checksum = checksum;
        }
    }
}
