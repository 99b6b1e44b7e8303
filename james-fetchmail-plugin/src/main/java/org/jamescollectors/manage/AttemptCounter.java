package org.jamescollectors.manage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a login, a client address, a user) within a fixed window that opens at
 * the first attempt, and says when a key has reached its limit. Thread-safe. Memory is bounded:
 * past {@code maxKeys} keys, expired windows are dropped, then arbitrary ones.
 */
public final class AttemptCounter {
    private static final int DEFAULT_MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private AttemptCounter(int limit, Duration window, Clock clock, int maxKeys) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    public static AttemptCounter of(int limit, Duration window, Clock clock) {
        return new AttemptCounter(limit, window, clock, DEFAULT_MAX_KEYS);
    }

    static AttemptCounter of(int limit, Duration window, Clock clock, int maxKeys) {
        return new AttemptCounter(limit, window, clock, maxKeys);
    }

    /** How long until the key may try again, when it has reached the limit. */
    public Optional<Duration> blockedFor(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || current.expired(now) || current.count < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.end));
    }

    /** Counts one attempt and returns the key's count within its window, this one included. */
    public int record(String key) {
        Instant now = clock.instant();
        makeRoom();
        Window updated = windows.compute(key, (k, current) ->
            current == null || current.expired(now)
                ? new Window(now.plus(window), 1)
                : new Window(current.end, current.count + 1));
        return updated.count;
    }

    /**
     * Counts one attempt unless the key is at its limit.
     *
     * @return empty when the attempt may go ahead, else how long until it may
     */
    public Optional<Duration> tryAcquire(String key) {
        synchronized (windows) {
            Optional<Duration> blocked = blockedFor(key);
            if (blocked.isEmpty()) {
                record(key);
            }
            return blocked;
        }
    }

    /** Forgets the key's attempts, after a success. */
    public void reset(String key) {
        windows.remove(key);
    }

    private void makeRoom() {
        if (windows.size() < maxKeys) {
            return;
        }
        Instant now = clock.instant();
        windows.values().removeIf(candidate -> candidate.expired(now));
        Iterator<String> keys = windows.keySet().iterator();
        while (windows.size() >= maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static final class Window {
        private final Instant end;
        private final int count;

        private Window(Instant end, int count) {
            this.end = end;
            this.count = count;
        }

        private boolean expired(Instant now) {
            return !now.isBefore(end);
        }
    }
}
