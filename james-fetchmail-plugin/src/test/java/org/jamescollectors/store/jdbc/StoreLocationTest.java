package org.jamescollectors.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.configuration2.MapConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLocationTest {
    private static final Map<String, String> JAMES_POSTGRES = Map.of(
        "database.driverClassName", "org.postgresql.Driver",
        "database.url", "jdbc:postgresql://127.0.0.1:5432/james",
        "database.username", "james",
        "database.password", "james-secret");

    @TempDir
    Path james;

    @Test
    void resolveShouldPreferOurOwnUrl() {
        Map<String, String> settings = Map.of(StoreLocation.URL, "jdbc:mariadb://127.0.0.1/mail",
            StoreLocation.USERNAME, "collector", StoreLocation.PASSWORD, "our-secret",
            StoreLocation.POOL_SIZE, "7");

        StoreLocation location = StoreLocation.resolve(settings, Optional.of(JAMES_POSTGRES),
            var());

        assertThat(location.source()).isEqualTo(StoreLocation.Source.CONFIGURATION);
        assertThat(location.url()).isEqualTo("jdbc:mariadb://127.0.0.1/mail");
        assertThat(location.username()).contains("collector");
        assertThat(location.password()).contains("our-secret");
        assertThat(location.driverClassName()).contains("org.mariadb.jdbc.Driver");
        assertThat(location.poolSize()).isEqualTo(7);
    }

    @Test
    void resolveShouldUseJamesDatabaseWithoutOurUrl() {
        StoreLocation location = StoreLocation.resolve(Map.of(StoreLocation.POOL_SIZE, "2"),
            Optional.of(JAMES_POSTGRES), var());

        assertThat(location.source()).isEqualTo(StoreLocation.Source.JAMES_DATABASE);
        assertThat(location.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/james");
        assertThat(location.username()).contains("james");
        assertThat(location.password()).contains("james-secret");
        assertThat(location.driverClassName()).contains("org.postgresql.Driver");
        assertThat(location.poolSize()).isEqualTo(2);
    }

    @Test
    void resolveShouldReadJamesDatabaseFileInConf() throws Exception {
        Path conf = Files.createDirectories(james.resolve("conf"));
        Files.writeString(conf.resolve("james-database.properties"),
            "# as James ships it\n"
                + "database.driverClassName=org.apache.derby.jdbc.EmbeddedDriver\n"
                + "database.url=jdbc:derby:../var/store/derby;create=true\n"
                + "database.username=app\ndatabase.password=app\nvendorAdapter.database=DERBY\n",
            StandardCharsets.ISO_8859_1);

        StoreLocation location = StoreLocation.resolve(Map.of(), conf, var());

        assertThat(location.source()).isEqualTo(StoreLocation.Source.JAMES_DATABASE);
        assertThat(location.url()).isEqualTo("jdbc:derby:../var/store/derby;create=true");
        assertThat(location.driverClassName()).contains("org.apache.derby.jdbc.EmbeddedDriver");
        assertThat(location.isEmbeddedDerby()).isTrue();
    }

    @Test
    void resolveShouldFallBackToEmbeddedDerbyUnderVar() throws Exception {
        Path conf = Files.createDirectories(james.resolve("conf"));

        StoreLocation location = StoreLocation.resolve(Map.of(), conf, var());

        assertThat(location.source()).isEqualTo(StoreLocation.Source.EMBEDDED_DERBY);
        assertThat(location.url()).isEqualTo("jdbc:derby:"
            + var().resolve("collectors/derby").toAbsolutePath() + ";create=true");
        assertThat(location.username()).isEmpty();
        assertThat(location.poolSize()).isEqualTo(StoreLocation.DEFAULT_POOL_SIZE);
    }

    @Test
    void resolveShouldAcceptACommonsConfiguration() throws Exception {
        MapConfiguration configuration = new MapConfiguration(Map.of(StoreLocation.URL,
            "jdbc:postgresql://127.0.0.1/a,b", StoreLocation.POOL_SIZE, "3"));

        StoreLocation location = StoreLocation.resolve(configuration, james.resolve("conf"), var());

        assertThat(location.url()).isEqualTo("jdbc:postgresql://127.0.0.1/a,b");
        assertThat(location.poolSize()).isEqualTo(3);
    }

    @Test
    void resolveShouldKeepAConfiguredDriver() {
        StoreLocation location = StoreLocation.resolve(Map.of(StoreLocation.URL, "jdbc:h2:mem:x",
            StoreLocation.DRIVER, "org.h2.Driver"), Optional.empty(), var());

        assertThat(location.driverClassName()).contains("org.h2.Driver");
    }

    @Test
    void resolveShouldLeaveAnUnknownDriverToDriverManager() {
        StoreLocation location = StoreLocation.resolve(Map.of(StoreLocation.URL,
            "jdbc:derby://127.0.0.1:1527/db"), Optional.empty(), var());

        assertThat(location.driverClassName()).isEmpty();
        assertThat(location.isEmbeddedDerby()).isFalse();
    }

    @Test
    void resolveShouldReportEveryProblemAtOnce() {
        Map<String, String> settings = Map.of(StoreLocation.URL, "postgresql://db/james",
            StoreLocation.POOL_SIZE, "many");

        assertThatThrownBy(() -> StoreLocation.resolve(settings, Optional.empty(), var()))
            .isInstanceOfSatisfying(InvalidStoreConfigurationException.class, e ->
                assertThat(e.problems()).hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).startsWith(StoreLocation.URL))
                    .anySatisfy(problem -> assertThat(problem).startsWith(StoreLocation.POOL_SIZE)
                        .contains("many")));
    }

    @Test
    void resolveShouldRefusePoolSizesOutOfRange() {
        for (String size : new String[] {"0", "-1", "65"}) {
            assertThatThrownBy(() -> StoreLocation.resolve(Map.of(StoreLocation.POOL_SIZE, size),
                Optional.empty(), var()))
                .isInstanceOf(InvalidStoreConfigurationException.class)
                .hasMessageContaining("from 1 to 64: " + size);
        }
    }

    @Test
    void resolveShouldRefuseCredentialsWithoutUrl() {
        Map<String, String> settings = Map.of(StoreLocation.USERNAME, "collector",
            StoreLocation.PASSWORD, "secret");

        assertThatThrownBy(() -> StoreLocation.resolve(settings, Optional.of(JAMES_POSTGRES),
            var()))
            .isInstanceOfSatisfying(InvalidStoreConfigurationException.class, e ->
                assertThat(e.problems()).hasSize(2)
                    .allSatisfy(problem -> assertThat(problem).doesNotContain("secret")));
    }

    @Test
    void resolveShouldRefuseJamesDatabaseWithoutUrl() {
        assertThatThrownBy(() -> StoreLocation.resolve(Map.of(),
            Optional.of(Map.of("database.username", "james")), var()))
            .isInstanceOf(InvalidStoreConfigurationException.class)
            .hasMessageContaining("has no database.url");
    }

    @Test
    void describeShouldNeverShowThePassword() {
        StoreLocation location = StoreLocation.resolve(Map.of(StoreLocation.URL,
            "jdbc:postgresql://127.0.0.1/james?user=james&password=in-url-secret&ssl=true",
            StoreLocation.USERNAME, "james", StoreLocation.PASSWORD, "setting-secret"),
            Optional.empty(), var());

        assertThat(location.describe())
            .isEqualTo("jdbc:postgresql://127.0.0.1/james?user=james&password=***&ssl=true"
                + " as james (from store.jdbc.url)");
        assertThat(location.toString()).doesNotContain("secret");
    }

    @Test
    void describeShouldHideADerbyUrlPassword() {
        StoreLocation location = StoreLocation.resolve(Map.of(), Optional.of(Map.of(
            "database.url", "jdbc:derby:/srv/db;user=app;password=app-secret;create=true")), var());

        assertThat(location.describe()).isEqualTo(
            "jdbc:derby:/srv/db;user=app;password=***;create=true"
                + " (from conf/james-database.properties)");
    }

    private Path var() {
        return james.resolve("var");
    }
}
