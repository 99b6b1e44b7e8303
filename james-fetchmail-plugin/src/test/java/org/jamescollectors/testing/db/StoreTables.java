package org.jamescollectors.testing.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/** Empties the collector tables between tests that share one database. */
public final class StoreTables {
    private static final List<String> TABLES = List.of("collectors_fetch_state", "collectors_run",
        "collectors_collector", "collectors_metadata");

    private StoreTables() {
    }

    public static void empty(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }
}
