package org.jamescollectors.store;

/**
 * The four parts of the store, opened together over one database. Every implementation keeps
 * values as {@link StoreLimits} says: times to the millisecond, texts within their limits.
 */
public interface Stores extends AutoCloseable {
    CollectorStore collectors();

    FetchStateStore fetchStates();

    RunStore runs();

    StoreMetadata metadata();

    /** A cheap round trip to the database, for the health check; throws when it is unreachable. */
    void ping() throws Exception;

    /** A short human description of where the data lives (no password), for logs and checks. */
    String describe();

    @Override
    void close();
}
