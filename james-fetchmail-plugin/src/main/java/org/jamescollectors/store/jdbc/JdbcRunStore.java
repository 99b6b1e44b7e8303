package org.jamescollectors.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreLimits;

/** The run history in {@code collectors_run}, newest first by start time, then by id. */
final class JdbcRunStore implements RunStore {
    static final String TABLE = "collectors_run";
    static final String UNKNOWN_FAILURE = "unknown";
    private static final String FIELDS = "collector_id, run_trigger, started_at, finished_at,"
        + " outcome, messages, bytes, skipped, error_code, error_message";
    private static final String SELECT = "SELECT id, " + FIELDS + " FROM " + TABLE;
    private static final String UPDATE = "UPDATE " + TABLE + " SET "
        + FIELDS.replace(",", " = ?,") + " = ? WHERE id = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + FIELDS + ", id)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NEWEST_FIRST = " ORDER BY started_at DESC, id DESC";

    private final Database database;

    JdbcRunStore(Database database) {
        this.database = database;
    }

    @Override
    public void save(Run run) {
        Object[] values = values(StoreLimits.fit(run));
        if (database.update(UPDATE, values) == 1) {
            return;
        }
        try {
            database.update(INSERT, values);
        } catch (JdbcStoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            database.update(UPDATE, values);
        }
    }

    @Override
    public Optional<Run> find(CollectorId collector, RunId id) {
        return database.queryFirst(SELECT + " WHERE id = ? AND collector_id = ?",
            JdbcRunStore::read, id.asString(), collector.asString());
    }

    @Override
    public List<Run> recent(CollectorId collector, int limit) {
        if (StoreLimits.nonNegative("limit", limit) == 0) {
            return List.of();
        }
        return database.query(SELECT + " WHERE collector_id = ?" + NEWEST_FIRST
            + database.dialect().limit(), JdbcRunStore::read, collector.asString(), limit);
    }

    @Override
    public int trim(CollectorId collector, int keep) {
        StoreLimits.nonNegative("keep", keep);
        return database.inTransaction("trim runs", statements -> {
            List<Object[]> old = statements.query("SELECT id FROM " + TABLE
                    + " WHERE collector_id = ?" + NEWEST_FIRST, row -> row.getString(1),
                collector.asString())
                .stream()
                .skip(keep)
                .map(id -> new Object[] {id})
                .collect(Collectors.toList());
            statements.batch("DELETE FROM " + TABLE + " WHERE id = ?", old);
            return old.size();
        });
    }

    @Override
    public RunTotals totals() {
        return database.withConnection("run totals", statements -> {
            long[] sums = statements.queryFirst("SELECT COUNT(*), SUM(messages), SUM(bytes) FROM "
                + TABLE, row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)})
                .orElse(new long[3]);
            Map<String, Long> failures = new HashMap<>();
            statements.query("SELECT error_code, COUNT(*) FROM " + TABLE + " WHERE outcome = ?"
                    + " GROUP BY error_code",
                row -> failures.merge(Optional.ofNullable(row.getString(1)).orElse(UNKNOWN_FAILURE),
                    row.getLong(2), Long::sum),
                Run.Outcome.FAILED.wireName());
            return new RunTotals(sums[0], sums[1], sums[2], failures);
        });
    }

    private static Object[] values(Run run) {
        Optional<Run.Error> error = run.error();
        return new Object[] {run.collectorId().asString(), run.trigger().wireName(),
            run.startedAt(), Statements.nullableMillis(run.finishedAt()), run.outcome().wireName(),
            (long) run.messages(), run.bytes(), (long) run.skipped(),
            Statements.nullableText(error.map(Run.Error::code)),
            Statements.nullableText(error.map(Run.Error::message)), run.id().asString()};
    }

    private static Run read(ResultSet row) throws SQLException {
        String code = row.getString("error_code");
        Optional<Run.Error> error = code == null ? Optional.empty()
            : Optional.of(Run.Error.of(code, row.getString("error_message")));
        return Run.of(RunId.of(row.getString("id")), CollectorId.of(row.getString("collector_id")),
            trigger(row.getString("run_trigger")),
            Instant.ofEpochMilli(row.getLong("started_at")),
            CollectorRows.optionalMillis(row, "finished_at"),
            outcome(row.getString("outcome")), (int) row.getLong("messages"),
            row.getLong("bytes"), (int) row.getLong("skipped"), error);
    }

    private static Run.Trigger trigger(String name) throws SQLException {
        for (Run.Trigger trigger : Run.Trigger.values()) {
            if (trigger.wireName().equals(name)) {
                return trigger;
            }
        }
        throw new SQLException("unknown run trigger in " + TABLE + ": " + name);
    }

    private static Run.Outcome outcome(String name) throws SQLException {
        for (Run.Outcome outcome : Run.Outcome.values()) {
            if (outcome.wireName().equals(name)) {
                return outcome;
            }
        }
        throw new SQLException("unknown run outcome in " + TABLE + ": " + name);
    }
}
