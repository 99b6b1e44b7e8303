package org.jamescollectors.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorState;

/**
 * Where collectors live. Implementations are thread-safe and, for the JDBC one, safe for several
 * James nodes sharing one database: updates are guarded by {@link Collector#version()} and runs by
 * leases taken with {@link #claim}.
 */
public interface CollectorStore {
    /**
     * Saves a new collector as given, its version set to 1.
     *
     * @throws DuplicateCollectorException when its owner already has a collector of that name
     */
    Collector create(Collector collector) throws DuplicateCollectorException;

    Optional<Collector> find(CollectorId id);

    /** The owner's collectors, oldest first. */
    List<Collector> listByOwner(Username owner);

    int countByOwner(Username owner);

    /**
     * Replaces the stored collector if its stored version equals {@code collector.version()}, and
     * returns what is now stored (the version incremented).
     *
     * @throws StaleCollectorException when it was changed or deleted meanwhile
     * @throws DuplicateCollectorException when the new name is taken by another of the owner's
     */
    Collector update(Collector collector)
        throws StaleCollectorException, DuplicateCollectorException;

    /** Deletes the collector with its fetch state and runs; false when there was none. */
    boolean delete(CollectorId id);

    /** Deletes every collector of the owner, with their fetch state and runs. */
    List<CollectorId> deleteByOwner(Username owner);

    /** Gives every collector of {@code from} to {@code to}; returns how many moved. */
    int renameOwner(Username from, Username to) throws DuplicateCollectorException;

    /**
     * Active collectors (enabled, not paused) whose next run is at or before {@code now} and whose
     * lease is free or expired at {@code now}, earliest due first.
     */
    List<Collector> findDue(Instant now, int limit);

    /** The earliest next run among active collectors, so a scheduler can sleep until then. */
    Optional<Instant> earliestNextRun();

    /**
     * Takes the run lease of a collector for {@code nodeId} until {@code leaseUntil}, if it is free
     * or expired at {@code now} (its end at or before {@code now}). Atomic across nodes: of two
     * concurrent claims one wins, even when both come from the same node.
     *
     * @return true if {@code nodeId} now holds the lease
     */
    boolean claim(CollectorId id, String nodeId, Instant now, Instant leaseUntil);

    /** Extends a lease {@code nodeId} holds; false if it lost it (expired and taken by another). */
    boolean renew(CollectorId id, String nodeId, Instant leaseUntil);

    /** Gives up a lease {@code nodeId} holds; no effect otherwise. */
    void release(CollectorId id, String nodeId);

    /** How many collectors are in each state, over all owners. */
    Map<CollectorState, Integer> countByState();

    /** A page of every collector, ordered by id, starting after {@code after} (for maintenance). */
    List<Collector> page(Optional<CollectorId> after, int size);
}
