package org.jamescollectors.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DialectTest {
    @Test
    void isUniqueViolationShouldKnowEachDatabasesCodes() {
        SQLException derbyOrPostgres = new SQLException("duplicate", "23505");
        SQLException mariaDb = new SQLException("Duplicate entry", "23000", 1062);
        SQLException mariaDbNotNull = new SQLException("cannot be null", "23000", 1048);

        assertThat(Dialect.DERBY.isUniqueViolation(derbyOrPostgres)).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(mariaDb)).isTrue();
        assertThat(Dialect.MARIADB.isUniqueViolation(mariaDbNotNull)).isFalse();
        assertThat(Dialect.POSTGRESQL.isUniqueViolation(new SQLException("x", "42P01"))).isFalse();
    }

    @Test
    void isUniqueViolationShouldLookAtChainedExceptions() {
        SQLException batch = new SQLException("batch failed", "XJ208");
        batch.setNextException(new SQLException("duplicate", "23505"));

        assertThat(Dialect.DERBY.isUniqueViolation(batch)).isTrue();
    }

    @Test
    void limitShouldBeTheDialectsOwnClause() {
        assertThat(Dialect.DERBY.limit()).isEqualTo(" FETCH FIRST ? ROWS ONLY");
        assertThat(Dialect.POSTGRESQL.limit()).isEqualTo(" LIMIT ?");
        assertThat(Dialect.MARIADB.limit()).isEqualTo(" LIMIT ?");
    }
}
