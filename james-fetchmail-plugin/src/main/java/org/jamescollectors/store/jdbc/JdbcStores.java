package org.jamescollectors.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreMetadata;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The four stores in tables prefixed {@code collectors_} of one JDBC database (Derby, PostgreSQL
 * or MariaDB), brought to the current schema when opened. Thread-safe, and safe for several
 * nodes sharing the database.
 */
public final class JdbcStores implements Stores {
    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcStores.class);
    private static final int PING_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final Optional<HikariDataSource> ownedPool;
    private final String description;
    private final JdbcCollectorStore collectors;
    private final JdbcFetchStateStore fetchStates;
    private final JdbcRunStore runs;
    private final JdbcStoreMetadata metadata;

    private JdbcStores(DataSource dataSource, Optional<HikariDataSource> ownedPool,
                       String description, Dialect dialect) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.description = description;
        Database database = new Database(dataSource, dialect);
        this.collectors = new JdbcCollectorStore(database);
        this.fetchStates = new JdbcFetchStateStore(database);
        this.runs = new JdbcRunStore(database);
        this.metadata = new JdbcStoreMetadata(database);
    }

    /**
     * Opens a pool to the location, migrates the schema and returns the stores, which close the
     * pool when closed.
     *
     * @throws MigrationException when the schema cannot be brought up to date
     */
    public static JdbcStores open(StoreLocation location) {
        HikariDataSource pool = DataSources.open(location);
        try {
            return open(pool, Optional.of(pool), location.describe(),
                MigrationRunner.forThisVersion());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Migrates the schema and returns the stores over a data source the caller closes. */
    public static JdbcStores over(DataSource dataSource, String description) {
        return open(dataSource, Optional.empty(), description, MigrationRunner.forThisVersion());
    }

    private static JdbcStores open(DataSource dataSource, Optional<HikariDataSource> pool,
                                   String description, MigrationRunner migrations) {
        List<String> applied = migrations.migrate(dataSource);
        JdbcStores stores = new JdbcStores(dataSource, pool, description, dialect(dataSource));
        LOGGER.info("Collector store open on {}, schema version {}{}", description,
            migrations.latestVersion(), applied.isEmpty() ? "" : " (applied " + applied + ")");
        return stores;
    }

    @Override
    public CollectorStore collectors() {
        return collectors;
    }

    @Override
    public FetchStateStore fetchStates() {
        return fetchStates;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public StoreMetadata metadata() {
        return metadata;
    }

    @Override
    public void ping() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
                throw new SQLException("the collector store did not answer within "
                    + PING_TIMEOUT_SECONDS + " s: " + description);
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        ownedPool.ifPresent(HikariDataSource::close);
    }

    private static Dialect dialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection);
        } catch (SQLException e) {
            throw new MigrationException(
                "could not reach the collector store: " + e.getMessage(), e);
        }
    }
}
