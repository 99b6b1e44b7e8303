package org.jamescollectors.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the databases the store runs on: row limits, table options, how a
 * unique-constraint violation is reported, and how migrations are serialised between nodes.
 * Everything else is plain SQL that Derby 10.14, PostgreSQL 15 and MariaDB 10.11 share.
 */
enum Dialect {
    /** Derby embedded; migrations hold an exclusive lock on a one-table mutex until commit. */
    DERBY("derby", " FETCH FIRST ? ROWS ONLY", "") {
        @Override
        void createTableIfAbsent(Connection connection, String createTable) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(createTable);
            } catch (SQLException e) {
                if (!DERBY_TABLE_EXISTS.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }

        @Override
        void prepareMigrationLock(Connection connection) throws SQLException {
            createTableIfAbsent(connection, "CREATE TABLE " + MIGRATION_LOCK_TABLE
                + " (id INTEGER NOT NULL PRIMARY KEY)");
        }

        @Override
        void lockMigrations(Connection connection) throws SQLException {
            execute(connection, "LOCK TABLE " + MIGRATION_LOCK_TABLE + " IN EXCLUSIVE MODE");
        }
    },
    /** PostgreSQL; migrations hold a transaction-scoped advisory lock. */
    POSTGRESQL("postgresql", " LIMIT ?", "") {
        @Override
        void lockMigrations(Connection connection) throws SQLException {
            try (PreparedStatement statement =
                     connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                statement.setLong(1, POSTGRESQL_LOCK_KEY);
                statement.execute();
            }
        }
    },
    /** MariaDB (InnoDB); DDL commits on its own, so migrations hold a named connection lock. */
    MARIADB("mariadb", " LIMIT ?",
        " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin") {
        @Override
        boolean transactionalDdl() {
            return false;
        }

        @Override
        void lockMigrations(Connection connection) throws SQLException {
            String name = mariaDbLockName(connection);
            try (PreparedStatement statement =
                     connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                statement.setString(1, name);
                statement.setInt(2, MARIADB_LOCK_WAIT_SECONDS);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new MigrationException("could not take the migration lock "
                            + name + " within " + MARIADB_LOCK_WAIT_SECONDS
                            + " s: another node is migrating");
                    }
                }
            }
        }

        @Override
        void unlockMigrations(Connection connection) throws SQLException {
            try (PreparedStatement statement =
                     connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                statement.setString(1, mariaDbLockName(connection));
                statement.execute();
            }
        }
    };

    static final String MIGRATION_LOCK_TABLE = "collectors_migration_lock";
    private static final String DERBY_TABLE_EXISTS = "X0Y32";
    private static final long POSTGRESQL_LOCK_KEY = 0x636f6c6c6563746fL;
    private static final int MARIADB_LOCK_WAIT_SECONDS = 600;
    private static final int MARIADB_LOCK_NAME_LENGTH = 64;

    private final String directory;
    private final String limit;
    private final String tableOptions;

    Dialect(String directory, String limit, String tableOptions) {
        this.directory = directory;
        this.limit = limit;
        this.tableOptions = tableOptions;
    }

    /** The dialect of the database the connection talks to; throws for any other database. */
    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return DERBY;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb")) {
            return MARIADB;
        }
        throw new MigrationException("the collector store runs on Derby, PostgreSQL or MariaDB,"
            + " not " + metaData.getDatabaseProductName() + " "
            + metaData.getDatabaseProductVersion());
    }

    /** The folder, under the migrations, of scripts that replace the common ones. */
    String directory() {
        return directory;
    }

    /** The clause that ends a query after a number of rows, bound as its one parameter. */
    String limit() {
        return limit;
    }

    /** What follows the closing parenthesis of each CREATE TABLE. */
    String tableOptions() {
        return tableOptions;
    }

    /** True when a failed migration leaves no trace, DDL included. */
    boolean transactionalDdl() {
        return true;
    }

    boolean isUniqueViolation(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            if ("23505".equals(state) || ("23000".equals(state) && cause.getErrorCode() == 1062)) {
                return true;
            }
        }
        return false;
    }

    /** Runs a CREATE TABLE unless the table exists. */
    void createTableIfAbsent(Connection connection, String createTable) throws SQLException {
        execute(connection,
            createTable.replaceFirst("(?i)^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
    }

    /** Creates what {@link #lockMigrations} needs; called in auto-commit mode, before it. */
    void prepareMigrationLock(Connection connection) throws SQLException {
    }

    /**
     * Waits until no other connection is migrating, then keeps the others out until
     * {@link #unlockMigrations} or the end of the transaction, whichever this dialect uses.
     */
    abstract void lockMigrations(Connection connection) throws SQLException;

    void unlockMigrations(Connection connection) throws SQLException {
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** MariaDB's lock names are server-wide: qualify ours with the database, within 64 chars. */
    private static String mariaDbLockName(Connection connection) throws SQLException {
        String name = "collectors_schema." + connection.getCatalog();
        if (name.length() <= MARIADB_LOCK_NAME_LENGTH) {
            return name;
        }
        return "collectors_schema." + Migration.sha256(connection.getCatalog()).substring(0, 40);
    }
}
