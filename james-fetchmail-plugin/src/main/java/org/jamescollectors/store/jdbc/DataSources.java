package org.jamescollectors.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens connection pools to a {@link StoreLocation}. */
public final class DataSources {
    private static final String POOL_NAME = "collectors-store";
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private DataSources() {
    }

    /**
     * A HikariCP pool of at most {@link StoreLocation#poolSize()} connections, at least one kept
     * open. The caller closes it. For an embedded Derby URL, Derby's error log is sent to
     * {@link DerbyLog} unless the operator chose a file for it; Derby runs one engine per JVM,
     * so this pool and James' JPA share the database when they name the same URL.
     */
    public static HikariDataSource open(StoreLocation location) {
        if (location.isEmbeddedDerby()) {
            DerbyLog.redirect(System.getProperties());
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(location.url());
        location.username().ifPresent(config::setUsername);
        location.password().ifPresent(config::setPassword);
        location.driverClassName().map(Drivers::forPool).ifPresent(config::setDriverClassName);
        config.setMaximumPoolSize(location.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }
}
