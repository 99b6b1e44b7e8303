package org.jamescollectors.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamescollectors.store.StoreSamples.ALICE;
import static org.jamescollectors.store.StoreSamples.collector;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.store.Race;
import org.jamescollectors.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/** How the migration runner treats a database of one backend; each test takes a fresh one. */
public interface MigrationContract {
    String TEST_MIGRATIONS = "org/jamescollectors/store/jdbc/testmigrations/";

    TestDatabases databases();

    @Test
    default void migrateShouldCreateTheSchemaOfAFreshDatabase() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            List<String> applied = MigrationRunner.forThisVersion().migrate(pool);

            assertThat(applied).containsExactly("V1__initial.sql");
            assertThat(versions(pool)).containsExactly("1 V1__initial.sql");
            Collector created = JdbcStores.over(pool, "test").collectors()
                .create(collector(ALICE, "Fresh"));
            assertThat(JdbcStores.over(pool, "test").collectors().find(created.id()))
                .contains(created);
        }
    }

    @Test
    default void migrateShouldDoNothingWhenTheSchemaIsCurrent() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            MigrationRunner.forThisVersion().migrate(pool);
            List<String> before = rows(pool, "SELECT version, script, checksum, applied_at FROM "
                + MigrationRunner.VERSION_TABLE);

            List<String> applied = MigrationRunner.forThisVersion().migrate(pool);

            assertThat(applied).isEmpty();
            assertThat(rows(pool, "SELECT version, script, checksum, applied_at FROM "
                + MigrationRunner.VERSION_TABLE)).isEqualTo(before);
        }
    }

    @Test
    default void migrateShouldApplyOnlyTheScriptsTheDatabaseLacks() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            assertThat(runner("first").migrate(pool)).containsExactly("V1__create_probe.sql");

            List<String> applied = runner("second").migrate(pool);

            assertThat(applied).containsExactly("V2__add_probe_note.sql");
            execute(pool, "INSERT INTO collectors_probe (id, note) VALUES (1, 'noted')");
            assertThat(rows(pool, "SELECT note FROM collectors_probe")).containsExactly("noted");
            assertThat(versions(pool)).containsExactly("1 V1__create_probe.sql",
                "2 V2__add_probe_note.sql");
        }
    }

    @Test
    default void migrateShouldRunTheDialectsOwnScriptWhenThereIsOne() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            runner("overridden").migrate(pool);

            assertThat(rows(pool, "SELECT backend FROM collectors_probe_override"))
                .containsExactly(databases().backend());
            assertThat(tableExists(pool, "collectors_probe_common")).isFalse();
        }
    }

    @Test
    default void migrateShouldRefuseAScriptChangedAfterItWasApplied() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            runner("first").migrate(pool);

            assertThatThrownBy(() -> runner("tampered").migrate(pool))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__create_probe.sql")
                .hasMessageContaining("changed after it was applied");
            assertThat(versions(pool)).containsExactly("1 V1__create_probe.sql");
        }
    }

    @Test
    default void migrateShouldRefuseASchemaNewerThanItsScripts() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            runner("second").migrate(pool);

            assertThatThrownBy(() -> runner("first").migrate(pool))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("version 2 (V2__add_probe_note.sql), newer than the 1");
        }
    }

    @Test
    default void openShouldRefuseADatabaseUpgradedByANewerPlugin() throws Exception {
        StoreLocation location = databases().newDatabase();
        try (HikariDataSource pool = DataSources.open(location)) {
            MigrationRunner.forThisVersion().migrate(pool);
            execute(pool, "INSERT INTO " + MigrationRunner.VERSION_TABLE + " (version, script,"
                + " checksum, applied_at) VALUES (99, 'V99__future.sql', 'x', 0)");
        }

        assertThatThrownBy(() -> JdbcStores.open(location))
            .isInstanceOf(MigrationException.class)
            .hasMessageContaining("version 99")
            .hasMessageContaining("newer");
    }

    @Test
    default void migrateShouldRecordNothingWhenAScriptFails() throws Exception {
        try (HikariDataSource pool = DataSources.open(databases().newDatabase())) {
            assertThatThrownBy(() -> runner("broken").migrate(pool))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__create_probe.sql");

            if (tableExists(pool, MigrationRunner.VERSION_TABLE)) {
                assertThat(versions(pool)).isEmpty();
            }
            boolean transactional = Dialect.valueOf(databases().backend().toUpperCase(Locale.ROOT))
                .transactionalDdl();
            assertThat(tableExists(pool, "collectors_probe")).isEqualTo(!transactional);
        }
    }

    @Test
    default void migrateShouldApplyEachScriptOnceWhenNodesStartTogether() throws Exception {
        List<List<String>> appliedPerRound = new ArrayList<>();

        for (int round = 0; round < 3; round++) {
            StoreLocation location = databases().newDatabase();
            try (HikariDataSource first = DataSources.open(location);
                 HikariDataSource second = DataSources.open(location);
                 Race race = Race.of(4)) {
                List<DataSource> nodes = List.of(first, second);
                List<List<String>> applied = race.round(racer ->
                    MigrationRunner.forThisVersion().migrate(nodes.get(racer % 2)));
                List<String> all = new ArrayList<>();
                applied.forEach(all::addAll);
                appliedPerRound.add(all);
                assertThat(versions(first)).containsExactly("1 V1__initial.sql");
            }
        }

        assertThat(appliedPerRound).containsOnly(List.of("V1__initial.sql"));
    }

    private static MigrationRunner runner(String folder) {
        return MigrationRunner.fromClasspath(TEST_MIGRATIONS + folder,
            MigrationContract.class.getClassLoader());
    }

    private static List<String> versions(DataSource pool) throws SQLException {
        return rows(pool, "SELECT version, script FROM " + MigrationRunner.VERSION_TABLE
            + " ORDER BY version");
    }

    private static List<String> rows(DataSource pool, String query) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    columns.add(rows.getString(i));
                }
                values.add(String.join(" ", columns));
            }
            return values;
        }
    }

    private static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(DataSource pool, String table) {
        try {
            rows(pool, "SELECT COUNT(*) FROM " + table);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
