package org.jamescollectors.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Security;

/** How a {@link Collector} maps to a row of {@code collectors_collector}. */
final class CollectorRows {
    static final String TABLE = "collectors_collector";
    /** Every column but id and version, in the order of {@link #fields}. */
    private static final List<String> FIELDS = List.of("owner", "name", "protocol", "host", "port",
        "security", "username", "source_folder", "encrypted_password", "fetch_all",
        "delete_after_fetch", "target_folder", "enabled", "paused", "problem_code",
        "problem_message", "problem_since", "problem_retry_at", "consecutive_failures",
        "created_at", "next_run_at");
    static final String COLUMNS = "id, " + String.join(", ", FIELDS) + ", version";
    static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;
    static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES ("
        + "?, ".repeat(FIELDS.size() + 1) + "?)";
    static final String UPDATE = "UPDATE " + TABLE + " SET "
        + String.join(" = ?, ", FIELDS) + " = ?, version = ? WHERE id = ? AND version = ?";

    private CollectorRows() {
    }

    static Object[] insertValues(Collector collector) {
        List<Object> values = new ArrayList<>();
        values.add(collector.id().asString());
        values.addAll(fields(collector));
        values.add(collector.version());
        return values.toArray();
    }

    /** The values of {@link #UPDATE}: the new version, guarded by the one the caller read. */
    static Object[] updateValues(Collector collector) {
        List<Object> values = new ArrayList<>(fields(collector));
        values.add(collector.version() + 1);
        values.add(collector.id().asString());
        values.add(collector.version());
        return values.toArray();
    }

    static Collector read(ResultSet row) throws SQLException {
        return Collector.builder()
            .id(CollectorId.of(row.getString("id")))
            .owner(Username.of(row.getString("owner")))
            .name(row.getString("name"))
            .account(account(row))
            .encryptedPassword(row.getString("encrypted_password"))
            .retention(Retention.of(row.getBoolean("fetch_all"),
                row.getBoolean("delete_after_fetch")))
            .targetFolder(Optional.ofNullable(row.getString("target_folder")))
            .enabled(row.getBoolean("enabled"))
            .paused(row.getBoolean("paused"))
            .problem(problem(row))
            .consecutiveFailures(row.getInt("consecutive_failures"))
            .createdAt(Instant.ofEpochMilli(row.getLong("created_at")))
            .nextRunAt(Instant.ofEpochMilli(row.getLong("next_run_at")))
            .version(row.getLong("version"))
            .build();
    }

    static Optional<Instant> optionalMillis(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static List<Object> fields(Collector collector) {
        RemoteAccount account = collector.account();
        Optional<Problem> problem = collector.problem();
        return List.of(collector.owner().asString(), collector.name(),
            account.protocol().wireName(), account.host(), account.port(),
            account.security().wireName(), account.username(),
            Statements.nullableText(account.sourceFolder()), collector.encryptedPassword(),
            collector.retention().fetchAllMessages(), collector.retention().deleteAfterFetch(),
            Statements.nullableText(collector.targetFolder()), collector.enabled(),
            collector.paused(),
            Statements.nullableText(problem.map(Problem::code)),
            Statements.nullableText(problem.map(Problem::message)),
            Statements.nullableMillis(problem.map(Problem::since)),
            Statements.nullableMillis(problem.flatMap(Problem::retryAt)),
            collector.consecutiveFailures(), collector.createdAt(), collector.nextRunAt());
    }

    private static RemoteAccount account(ResultSet row) throws SQLException {
        String protocol = row.getString("protocol");
        String security = row.getString("security");
        return RemoteAccount.of(
            Protocol.fromWireName(protocol).orElseThrow(() -> corrupt("protocol", protocol)),
            row.getString("host"), row.getInt("port"),
            Security.fromWireName(security).orElseThrow(() -> corrupt("security", security)),
            row.getString("username"), Optional.ofNullable(row.getString("source_folder")));
    }

    private static Optional<Problem> problem(ResultSet row) throws SQLException {
        String code = row.getString("problem_code");
        if (code == null) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(code, row.getString("problem_message"),
            Instant.ofEpochMilli(row.getLong("problem_since")),
            optionalMillis(row, "problem_retry_at")));
    }

    private static IllegalStateException corrupt(String column, String value) {
        return new IllegalStateException("unknown " + column + " in " + TABLE + ": " + value);
    }
}
