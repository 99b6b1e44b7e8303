package org.jamescollectors.store.jdbc;

import java.util.Optional;

import org.jamescollectors.store.StoreLimits;
import org.jamescollectors.store.StoreMetadata;

/** Named values in {@code collectors_metadata}. */
final class JdbcStoreMetadata implements StoreMetadata {
    static final String TABLE = "collectors_metadata";
    private static final String SELECT = "SELECT value FROM " + TABLE + " WHERE name = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (value, name) VALUES (?, ?)";
    private static final String UPDATE = "UPDATE " + TABLE + " SET value = ? WHERE name = ?";

    private final Database database;

    JdbcStoreMetadata(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> get(String name) {
        return database.queryFirst(SELECT, row -> row.getString(1), name);
    }

    @Override
    public String putIfAbsent(String name, String value) {
        check(name, value);
        Optional<String> present = get(name);
        if (present.isPresent()) {
            return present.get();
        }
        try {
            database.update(INSERT, value, name);
            return value;
        } catch (JdbcStoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return get(name).orElseThrow(() -> e);
        }
    }

    @Override
    public void put(String name, String value) {
        check(name, value);
        if (database.update(UPDATE, value, name) == 1) {
            return;
        }
        try {
            database.update(INSERT, value, name);
        } catch (JdbcStoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            database.update(UPDATE, value, name);
        }
    }

    private static void check(String name, String value) {
        StoreLimits.key("metadata name", name, StoreLimits.METADATA_NAME);
        StoreLimits.within("metadata value", value, StoreLimits.METADATA_VALUE);
    }
}
