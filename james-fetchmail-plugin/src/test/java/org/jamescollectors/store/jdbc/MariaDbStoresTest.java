package org.jamescollectors.store.jdbc;

import org.jamescollectors.store.CollectorStoreContract;
import org.jamescollectors.store.FetchStateStoreContract;
import org.jamescollectors.store.RunStoreContract;
import org.jamescollectors.store.StoreMetadataContract;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.db.MariaDbExtension;
import org.jamescollectors.testing.db.StoreTables;
import org.jamescollectors.testing.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariDataSource;

/** The store contracts on a private MariaDB server. */
class MariaDbStoresTest implements CollectorStoreContract, FetchStateStoreContract,
    RunStoreContract, StoreMetadataContract, TwoNodesContract, MigrationContract {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static StoreLocation location;
    private static HikariDataSource pool;
    private static JdbcStores stores;

    @BeforeAll
    static void openStores() throws Exception {
        location = MARIADB.newDatabase();
        pool = DataSources.open(location);
        stores = JdbcStores.over(pool, location.describe());
    }

    @AfterAll
    static void closeStores() {
        if (pool != null) {
            pool.close();
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        StoreTables.empty(pool);
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public TestDatabases databases() {
        return MARIADB;
    }
}
