package org.jamescollectors.security.rotation;

import java.nio.file.Path;

import org.jamescollectors.store.Stores;
import org.jamescollectors.store.jdbc.DataSources;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.store.jdbc.StoreLocation;
import org.jamescollectors.testing.db.DerbyExtension;
import org.jamescollectors.testing.db.StoreTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/** The key rotation over embedded Derby, one database for the class, emptied before each test. */
class DerbyKeyRotationTest implements KeyRotationContract {
    @RegisterExtension
    static final DerbyExtension DERBY = new DerbyExtension();

    private static HikariDataSource pool;
    private static JdbcStores stores;

    @TempDir
    Path folder;

    @BeforeAll
    static void openStores() throws Exception {
        StoreLocation location = DERBY.newDatabase();
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
    public Path keyFolder() {
        return folder;
    }
}
