package org.jamescollectors.store.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.StoreLimits;

/** Per-message fetch state in {@code collectors_fetch_state}, keyed on (collector, message key). */
final class JdbcFetchStateStore implements FetchStateStore {
    static final String TABLE = "collectors_fetch_state";
    private static final String UPDATE = "UPDATE " + TABLE + " SET status = ?, updated_at = ?"
        + " WHERE collector_id = ? AND message_key = ?";
    private static final String INSERT = "INSERT INTO " + TABLE
        + " (status, updated_at, collector_id, message_key) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM " + TABLE
        + " WHERE collector_id = ? AND message_key = ?";

    private final Database database;

    JdbcFetchStateStore(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, Status> statuses(CollectorId collector) {
        Map<String, Status> statuses = new HashMap<>();
        database.query("SELECT message_key, status FROM " + TABLE + " WHERE collector_id = ?",
            row -> statuses.put(row.getString(1), status(row.getString(2))),
            collector.asString());
        return Map.copyOf(statuses);
    }

    @Override
    public void record(CollectorId collector, String messageKey, Status status, Instant at) {
        recordAll(collector, Map.of(messageKey, status), at);
    }

    @Override
    public void recordAll(CollectorId collector, Map<String, Status> statuses, Instant at) {
        statuses.keySet().forEach(key -> StoreLimits.key("message key", key,
            StoreLimits.MESSAGE_KEY));
        if (statuses.isEmpty()) {
            return;
        }
        try {
            writeAll(collector, statuses, at);
        } catch (JdbcStoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // Another writer inserted one of the rows first; the transaction is now an update.
            writeAll(collector, statuses, at);
        }
    }

    /** Updates each row, inserting those that do not exist yet, in one transaction. */
    private void writeAll(CollectorId collector, Map<String, Status> statuses, Instant at) {
        database.inTransaction("record fetch state", statements -> {
            for (Map.Entry<String, Status> entry : statuses.entrySet()) {
                Object[] values = {entry.getValue().name().toLowerCase(Locale.ROOT), at,
                    collector.asString(), entry.getKey()};
                if (statements.update(UPDATE, values) == 0) {
                    statements.update(INSERT, values);
                }
            }
            return null;
        });
    }

    @Override
    public void forget(CollectorId collector, String messageKey) {
        StoreLimits.key("message key", messageKey, StoreLimits.MESSAGE_KEY);
        database.update(DELETE, collector.asString(), messageKey);
    }

    @Override
    public int retainOnly(CollectorId collector, Set<String> stillRemote) {
        return database.inTransaction("forget messages gone remotely", statements -> {
            List<Object[]> gone = statements.query("SELECT message_key FROM " + TABLE
                    + " WHERE collector_id = ?", row -> row.getString(1), collector.asString())
                .stream()
                .filter(key -> !stillRemote.contains(key))
                .map(key -> new Object[] {collector.asString(), key})
                .collect(Collectors.toList());
            statements.batch(DELETE, gone);
            return gone.size();
        });
    }

    @Override
    public void deleteAll(CollectorId collector) {
        database.update("DELETE FROM " + TABLE + " WHERE collector_id = ?", collector.asString());
    }

    private static Status status(String value) throws SQLException {
        try {
            return Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SQLException("unknown fetch status in " + TABLE + ": " + value, e);
        }
    }
}
