package org.jamescollectors.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MigrationTest {
    private static final String TEST_MIGRATIONS = MigrationContract.TEST_MIGRATIONS;

    @Test
    void statementsShouldEndAtSemicolonsEndingALineAndSkipComments() throws Exception {
        Migration migration = Migration.of("V1__two.sql", "-- a comment; not a statement\n"
            + "CREATE TABLE a (\n    id INTEGER, -- inline\n    b INTEGER\n);  \n\n"
            + "  -- another\nCREATE INDEX a_b ON a (b);\nINSERT INTO a VALUES (1, 2)", Map.of());

        assertThat(migration.statements(Dialect.POSTGRESQL)).containsExactly(
            "CREATE TABLE a (\n    id INTEGER, -- inline\n    b INTEGER\n)",
            "CREATE INDEX a_b ON a (b)",
            "INSERT INTO a VALUES (1, 2)");
    }

    @Test
    void statementsShouldGiveMariaDbTablesTheirOptions() throws Exception {
        Migration migration = Migration.of("V1__one.sql",
            "CREATE TABLE a (id INTEGER);\ncreate table b (id INTEGER);\nCREATE INDEX i ON a (id);",
            Map.of());

        assertThat(migration.statements(Dialect.MARIADB)).containsExactly(
            "CREATE TABLE a (id INTEGER)" + Dialect.MARIADB.tableOptions(),
            "create table b (id INTEGER)" + Dialect.MARIADB.tableOptions(),
            "CREATE INDEX i ON a (id)");
        assertThat(Dialect.MARIADB.tableOptions()).contains("utf8mb4_nopad_bin");
        assertThat(migration.statements(Dialect.DERBY)).first()
            .isEqualTo("CREATE TABLE a (id INTEGER)");
    }

    @Test
    void textShouldPreferTheDialectsOwnScript() throws Exception {
        Migration migration = Migration.of("V3__x.sql", "common;", Map.of(Dialect.DERBY, "derby;"));

        assertThat(migration.text(Dialect.DERBY)).isEqualTo("derby;");
        assertThat(migration.text(Dialect.MARIADB)).isEqualTo("common;");
        assertThat(migration.checksum(Dialect.DERBY))
            .isNotEqualTo(migration.checksum(Dialect.MARIADB));
        assertThat(migration.version()).isEqualTo(3);
    }

    @Test
    void checksumShouldIgnoreLineEndingsButNotContent() throws Exception {
        Migration unix = Migration.of("V1__a.sql", "CREATE TABLE a (id INTEGER);\n", Map.of());
        Migration windows = Migration.of("V1__a.sql", "CREATE TABLE a (id INTEGER);\r\n", Map.of());
        Migration changed = Migration.of("V1__a.sql", "CREATE TABLE a (id BIGINT);\n", Map.of());

        assertThat(windows.checksum(Dialect.DERBY)).isEqualTo(unix.checksum(Dialect.DERBY));
        assertThat(changed.checksum(Dialect.DERBY)).isNotEqualTo(unix.checksum(Dialect.DERBY))
            .hasSize(64);
    }

    @Test
    void ofShouldRefuseANameWithoutAVersion() {
        assertThatThrownBy(() -> Migration.of("initial.sql", "x;", Map.of()))
            .isInstanceOf(MigrationException.class)
            .hasMessageContaining("initial.sql");
        assertThatThrownBy(() -> Migration.of("V0__zero.sql", "x;", Map.of()))
            .isInstanceOf(MigrationException.class);
    }

    @Test
    void forThisVersionShouldReadTheShippedScripts() {
        MigrationRunner runner = MigrationRunner.forThisVersion();

        assertThat(runner.latestVersion()).isEqualTo(1);
    }

    @Test
    void shippedInitialScriptShouldCreateEveryTableAndIndex() {
        Migration initial = Migration.of("V1__initial.sql", resource(
            MigrationRunner.MIGRATIONS + "/V1__initial.sql"), Map.of());

        assertThat(initial.statements(Dialect.DERBY))
            .extracting(statement -> statement.split("\\s+")[0] + " "
                + statement.split("\\s+")[1] + " " + statement.split("\\s+")[2])
            .containsExactly("CREATE TABLE collectors_collector",
                "CREATE INDEX collectors_collector_due",
                "CREATE TABLE collectors_fetch_state", "CREATE TABLE collectors_run",
                "CREATE INDEX collectors_run_started", "CREATE TABLE collectors_metadata");
    }

    @Test
    void fromClasspathShouldRefuseScriptsOutOfSequence() {
        assertThatThrownBy(() -> MigrationRunner.fromClasspath(TEST_MIGRATIONS + "misnumbered",
            getClass().getClassLoader()))
            .isInstanceOf(MigrationException.class)
            .hasMessageContaining("V2__create_probe.sql is number 1");
    }

    @Test
    void fromClasspathShouldRefuseAListedScriptThatIsMissing() {
        assertThatThrownBy(() -> MigrationRunner.fromClasspath(TEST_MIGRATIONS + "unlisted",
            getClass().getClassLoader()))
            .isInstanceOf(MigrationException.class)
            .hasMessageContaining("V1__not_there.sql");
    }

    @Test
    void fromClasspathShouldRefuseAFolderWithoutIndex() {
        assertThatThrownBy(() -> MigrationRunner.fromClasspath(TEST_MIGRATIONS + "nowhere",
            getClass().getClassLoader()))
            .isInstanceOf(MigrationException.class)
            .hasMessageContaining("no migration index");
    }

    private static String resource(String name) {
        try (var in = MigrationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
