package org.jamescollectors.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Runs statements on connections borrowed from a pool, turning SQL failures unchecked. */
final class Database {
    /** Work on one connection. */
    interface Work<T> {
        T run(Statements statements) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    int update(String sql, Object... parameters) {
        return withConnection(sql, statements -> statements.update(sql, parameters));
    }

    <T> List<T> query(String sql, Statements.Row<T> reader, Object... parameters) {
        return withConnection(sql, statements -> statements.query(sql, reader, parameters));
    }

    <T> Optional<T> queryFirst(String sql, Statements.Row<T> reader, Object... parameters) {
        return withConnection(sql, statements -> statements.queryFirst(sql, reader, parameters));
    }

    /** Runs the work on one connection in auto-commit mode. */
    <T> T withConnection(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(new Statements(connection));
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Statements(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private JdbcStoreException failure(String what, SQLException e) {
        return new JdbcStoreException("collector store failed (" + what + ")", e,
            dialect.isUniqueViolation(e));
    }
}
