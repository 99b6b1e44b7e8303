package org.jamescollectors.testing.db;

import org.jamescollectors.store.jdbc.StoreLocation;

/** Where a test gets empty databases of one backend from. */
public interface TestDatabases {
    /** A new, empty database, reached through the returned location. */
    StoreLocation newDatabase() throws Exception;

    /** The backend's short name: derby, postgresql or mariadb. */
    String backend();
}
