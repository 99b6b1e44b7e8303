package org.jamescollectors.store.jdbc;

import static org.jamescollectors.store.jdbc.CollectorRows.SELECT;
import static org.jamescollectors.store.jdbc.CollectorRows.TABLE;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.store.CollectorStore;
import org.jamescollectors.store.DuplicateCollectorException;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.StoreLimits;

/**
 * Collectors in {@code collectors_collector}. Updates are guarded by the version column and
 * leases are taken by one conditional UPDATE each, so nodes sharing the database never both
 * win.
 */
final class JdbcCollectorStore implements CollectorStore {
    private static final String ACTIVE = "enabled = ? AND paused = ?";
    private static final String LEASE_FREE = "(lease_until IS NULL OR lease_until <= ?)";

    private final Database database;

    JdbcCollectorStore(Database database) {
        this.database = database;
    }

    @Override
    public Collector create(Collector collector) throws DuplicateCollectorException {
        Collector stored = StoreLimits.fit(collector).toBuilder().version(1).build();
        if (nameTaken(stored)) {
            throw duplicate(stored);
        }
        try {
            database.update(CollectorRows.INSERT, CollectorRows.insertValues(stored));
            return stored;
        } catch (JdbcStoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            if (find(stored.id()).isPresent()) {
                throw new IllegalArgumentException(
                    "a collector with this id exists: " + stored.id());
            }
            throw duplicate(stored);
        }
    }

    @Override
    public Optional<Collector> find(CollectorId id) {
        return database.queryFirst(SELECT + " WHERE id = ?", CollectorRows::read, id.asString());
    }

    @Override
    public List<Collector> listByOwner(Username owner) {
        return database.query(SELECT + " WHERE owner = ? ORDER BY created_at, id",
            CollectorRows::read, owner.asString());
    }

    @Override
    public int countByOwner(Username owner) {
        return database.queryFirst("SELECT COUNT(*) FROM " + TABLE + " WHERE owner = ?",
            row -> row.getInt(1), owner.asString()).orElse(0);
    }

    @Override
    public Collector update(Collector collector)
        throws StaleCollectorException, DuplicateCollectorException {
        Collector fitted = StoreLimits.fit(collector);
        int updated;
        try {
            updated = database.update(CollectorRows.UPDATE, CollectorRows.updateValues(fitted));
        } catch (JdbcStoreException e) {
            if (e.isUniqueViolation()) {
                throw duplicate(fitted);
            }
            throw e;
        }
        if (updated == 0) {
            throw new StaleCollectorException("collector " + fitted.id() + " at version "
                + fitted.version() + " was changed or deleted meanwhile");
        }
        return fitted.toBuilder().version(fitted.version() + 1).build();
    }

    @Override
    public boolean delete(CollectorId id) {
        return database.inTransaction("delete collector", statements -> deleteWith(statements, id));
    }

    @Override
    public List<CollectorId> deleteByOwner(Username owner) {
        return database.inTransaction("delete collectors of owner", statements -> {
            List<CollectorId> deleted = new ArrayList<>();
            for (String id : statements.query("SELECT id FROM " + TABLE + " WHERE owner = ?",
                row -> row.getString(1), owner.asString())) {
                if (deleteWith(statements, CollectorId.of(id))) {
                    deleted.add(CollectorId.of(id));
                }
            }
            return deleted;
        });
    }

    @Override
    public int renameOwner(Username from, Username to) throws DuplicateCollectorException {
        StoreLimits.key("owner", to.asString(), StoreLimits.OWNER);
        try {
            return database.update("UPDATE " + TABLE + " SET owner = ?, version = version + 1"
                + " WHERE owner = ?", to.asString(), from.asString());
        } catch (JdbcStoreException e) {
            if (e.isUniqueViolation()) {
                throw new DuplicateCollectorException(to.asString() + " already has a collector"
                    + " named like one of " + from.asString() + "'s: nothing was moved");
            }
            throw e;
        }
    }

    @Override
    public List<Collector> findDue(Instant now, int limit) {
        if (StoreLimits.nonNegative("limit", limit) == 0) {
            return List.of();
        }
        return database.query(SELECT + " WHERE " + ACTIVE + " AND next_run_at <= ? AND "
                + LEASE_FREE + " ORDER BY next_run_at, id" + database.dialect().limit(),
            CollectorRows::read, true, false, now, now, limit);
    }

    @Override
    public Optional<Instant> earliestNextRun() {
        return database.queryFirst("SELECT MIN(next_run_at) AS earliest FROM " + TABLE
                + " WHERE " + ACTIVE, row -> CollectorRows.optionalMillis(row, "earliest"),
            true, false).flatMap(earliest -> earliest);
    }

    @Override
    public boolean claim(CollectorId id, String nodeId, Instant now, Instant leaseUntil) {
        StoreLimits.key("node id", nodeId, StoreLimits.NODE_ID);
        return database.update("UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ?"
            + " WHERE id = ? AND " + LEASE_FREE, nodeId, leaseUntil, id.asString(), now) == 1;
    }

    @Override
    public boolean renew(CollectorId id, String nodeId, Instant leaseUntil) {
        StoreLimits.key("node id", nodeId, StoreLimits.NODE_ID);
        return database.update("UPDATE " + TABLE + " SET lease_until = ?"
            + " WHERE id = ? AND lease_owner = ?", leaseUntil, id.asString(), nodeId) == 1;
    }

    @Override
    public void release(CollectorId id, String nodeId) {
        StoreLimits.key("node id", nodeId, StoreLimits.NODE_ID);
        database.update("UPDATE " + TABLE + " SET lease_owner = NULL, lease_until = NULL"
            + " WHERE id = ? AND lease_owner = ?", id.asString(), nodeId);
    }

    @Override
    public Map<CollectorState, Integer> countByState() {
        Map<CollectorState, Integer> counts = new EnumMap<>(CollectorState.class);
        for (CollectorState state : CollectorState.values()) {
            counts.put(state, 0);
        }
        database.query("SELECT enabled, paused, COUNT(*) FROM " + TABLE
                + " GROUP BY enabled, paused",
            row -> counts.merge(state(row.getBoolean(1), row.getBoolean(2)), row.getInt(3),
                Integer::sum));
        return counts;
    }

    @Override
    public List<Collector> page(Optional<CollectorId> after, int size) {
        if (StoreLimits.nonNegative("size", size) == 0) {
            return List.of();
        }
        String order = " ORDER BY id" + database.dialect().limit();
        if (after.isEmpty()) {
            return database.query(SELECT + order, CollectorRows::read, size);
        }
        return database.query(SELECT + " WHERE id > ?" + order, CollectorRows::read,
            after.get().asString(), size);
    }

    private static boolean deleteWith(Statements statements, CollectorId id) throws SQLException {
        statements.update("DELETE FROM " + JdbcFetchStateStore.TABLE + " WHERE collector_id = ?",
            id.asString());
        statements.update("DELETE FROM " + JdbcRunStore.TABLE + " WHERE collector_id = ?",
            id.asString());
        return statements.update("DELETE FROM " + TABLE + " WHERE id = ?", id.asString()) == 1;
    }

    /** Checked first so that a user's duplicate costs no failed statement; a race still may. */
    private boolean nameTaken(Collector collector) {
        return database.queryFirst("SELECT COUNT(*) FROM " + TABLE
                + " WHERE owner = ? AND name = ?",
            row -> row.getInt(1), collector.owner().asString(), collector.name()).orElse(0) > 0;
    }

    private static DuplicateCollectorException duplicate(Collector collector) {
        return new DuplicateCollectorException(collector.owner().asString()
            + " already has a collector named " + collector.name());
    }

    private static CollectorState state(boolean enabled, boolean paused) {
        if (!enabled) {
            return CollectorState.DISABLED;
        }
        return paused ? CollectorState.PAUSED : CollectorState.ACTIVE;
    }
}
