package org.jamescollectors.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements on one connection, with their parameters bound by type: String, Integer, Long,
 * Boolean, Instant (as epoch milliseconds) and {@link #nullable} values.
 */
final class Statements {
    /** Reads one row. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    Statements(Connection connection) {
        this.connection = connection;
    }

    /** The value, or a typed SQL NULL when it is empty. */
    static Object nullable(Optional<?> value, int sqlType) {
        return value.isPresent() ? value.get() : new Null(sqlType);
    }

    static Object nullableText(Optional<String> value) {
        return nullable(value, Types.VARCHAR);
    }

    static Object nullableMillis(Optional<Instant> value) {
        return nullable(value, Types.BIGINT);
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    void batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    <T> List<T> query(String sql, Row<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        }
    }

    <T> Optional<T> queryFirst(String sql, Row<T> reader, Object... parameters)
        throws SQLException {
        return query(sql, reader, parameters).stream().findFirst();
    }

    private static void bind(PreparedStatement statement, Object... parameters)
        throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bind(statement, i + 1, parameters[i]);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value)
        throws SQLException {
        if (value instanceof String) {
            statement.setString(index, (String) value);
        } else if (value instanceof Integer) {
            statement.setInt(index, (Integer) value);
        } else if (value instanceof Long) {
            statement.setLong(index, (Long) value);
        } else if (value instanceof Boolean) {
            statement.setBoolean(index, (Boolean) value);
        } else if (value instanceof Instant) {
            statement.setLong(index, ((Instant) value).toEpochMilli());
        } else if (value instanceof Null) {
            statement.setNull(index, ((Null) value).sqlType);
        } else {
            throw new IllegalArgumentException("cannot bind parameter " + index + ": " + value);
        }
    }

    private static final class Null {
        private final int sqlType;

        private Null(int sqlType) {
            this.sqlType = sqlType;
        }
    }
}
