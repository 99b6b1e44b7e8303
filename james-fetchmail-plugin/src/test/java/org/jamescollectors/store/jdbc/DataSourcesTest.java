package org.jamescollectors.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamescollectors.store.StoreSamples.ALICE;
import static org.jamescollectors.store.StoreSamples.collector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.testing.db.DerbyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariDataSource;

class DataSourcesTest {
    @RegisterExtension
    static final DerbyExtension DERBY = new DerbyExtension();

    @Test
    void twoPoolsShouldShareOneEmbeddedDerbyDatabase() throws Exception {
        StoreLocation location = DERBY.newDatabase();
        try (HikariDataSource first = DataSources.open(location);
             HikariDataSource second = DataSources.open(location)) {
            execute(first, "CREATE TABLE shared_probe (id INTEGER NOT NULL PRIMARY KEY)");
            execute(first, "INSERT INTO shared_probe (id) VALUES (42)");

            assertThat(count(second, "SELECT COUNT(*) FROM shared_probe WHERE id = 42")).isOne();
        }
    }

    @Test
    void openShouldSizeThePoolFromTheLocation() throws Exception {
        StoreLocation location = StoreLocation.resolve(Map.of(StoreLocation.URL,
            DERBY.newDatabase().url(), StoreLocation.POOL_SIZE, "3"), java.util.Optional.empty(),
            DERBY.folder());

        try (HikariDataSource pool = DataSources.open(location)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
        }
    }

    @Test
    void openShouldSendDerbysLogToOurLoggerUnlessTheOperatorChoseOne() throws Exception {
        try (HikariDataSource pool = DataSources.open(DERBY.newDatabase())) {
            assertThat(count(pool, "SELECT COUNT(*) FROM SYS.SYSTABLES")).isPositive();
        }

        String field = System.getProperty(DerbyLog.FIELD_PROPERTY);
        if (System.getProperty(DerbyLog.FILE_PROPERTY) == null
            && System.getProperty(DerbyLog.METHOD_PROPERTY) == null) {
            assertThat(field).isEqualTo(DerbyLog.FIELD);
            assertThat(Paths.get("derby.log")).doesNotExist();
        }
    }

    @Test
    void redirectShouldPointDerbyAtOurStreamWhenNothingIsSet() {
        Properties properties = new Properties();

        boolean redirected = DerbyLog.redirect(properties);

        assertThat(redirected).isTrue();
        assertThat(properties.getProperty(DerbyLog.FIELD_PROPERTY))
            .isEqualTo("org.jamescollectors.store.jdbc.DerbyLog.STREAM");
    }

    @Test
    void redirectShouldKeepWhatTheOperatorSet() {
        for (String key : new String[] {DerbyLog.FILE_PROPERTY, DerbyLog.FIELD_PROPERTY,
            DerbyLog.METHOD_PROPERTY}) {
            Properties properties = new Properties();
            properties.setProperty(key, "chosen");

            boolean redirected = DerbyLog.redirect(properties);

            assertThat(redirected).isFalse();
            assertThat(properties).containsOnlyKeys(key);
        }
    }

    @Test
    void storesShouldOpenAnEmbeddedDerbyUnderJamesVar() throws Exception {
        Path var = DERBY.folder().resolve("james-var");
        StoreLocation location = StoreLocation.resolve(Map.of(), DERBY.folder().resolve("conf"),
            var);

        try (JdbcStores stores = JdbcStores.open(location)) {
            Collector created = stores.collectors().create(collector(ALICE, "Embedded"));

            assertThat(stores.collectors().find(created.id())).contains(created);
            assertThat(stores.describe()).contains("embedded Derby under var/");
            stores.ping();
        } finally {
            shutDown(var.resolve("collectors/derby"));
        }
        assertThat(var.resolve("collectors/derby/service.properties")).exists();
    }

    @Test
    void storesShouldOpenJamesOwnDatabaseAndShareItsTables() throws Exception {
        Path conf = Files.createDirectories(DERBY.folder().resolve("james-conf"));
        Path database = DERBY.folder().resolve("james-db");
        Files.writeString(conf.resolve("james-database.properties"),
            "database.driverClassName=org.apache.derby.jdbc.EmbeddedDriver\n"
                + "database.url=jdbc:derby:" + database + ";create=true\n"
                + "database.username=app\ndatabase.password=app\n", StandardCharsets.ISO_8859_1);
        StoreLocation location = StoreLocation.resolve(Map.of(), conf, DERBY.folder());

        try (HikariDataSource jamesPool = DataSources.open(location);
             JdbcStores stores = JdbcStores.open(location)) {
            execute(jamesPool, "CREATE TABLE JAMES_USER (USER_NAME VARCHAR(100) NOT NULL)");
            Collector created = stores.collectors().create(collector(ALICE, "Beside James"));

            assertThat(count(jamesPool, "SELECT COUNT(*) FROM collectors_collector")).isOne();
            assertThat(count(jamesPool, "SELECT COUNT(*) FROM JAMES_USER")).isZero();
            assertThat(stores.collectors().find(created.id())).contains(created);
            assertThat(stores.describe()).doesNotContain("app@").contains("as app");
        } finally {
            shutDown(database);
        }
    }

    @Test
    void pingShouldThrowOnceTheStoresAreClosed() throws Exception {
        JdbcStores stores = JdbcStores.open(DERBY.newDatabase());
        stores.ping();

        stores.close();

        assertThatThrownBy(stores::ping).isInstanceOf(SQLException.class);
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(HikariDataSource pool, String query) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void shutDown(Path database) {
        try {
            java.sql.DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true");
        } catch (SQLException e) {
            assertThat(e.getSQLState()).isEqualTo("08006");
        }
    }
}
