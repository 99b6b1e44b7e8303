package org.jamescollectors.collect;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.FetchStateStore.Status;
import org.slf4j.MDC;

/**
 * Writes one run's fetch-state marks on another thread, each batch in one transaction: whatever
 * was asked for while the previous batch was being committed goes into the next. A run asks for
 * a mark and carries on, and waits only where the order requires it: a message is handed to
 * James once its "delivering" mark is durable, and deletes remotely once every mark is.
 * Thread-safe.
 */
final class MarkWriter {
    private final FetchStateStore store;
    private final CollectorId collector;
    private final Clock clock;
    private final ExecutorService threads;
    private final Object lock = new Object();
    private Map<String, Status> queued = new LinkedHashMap<>();
    private long lastTicket;
    private long durableUpTo;
    private boolean writing;
    private Throwable failure;

    MarkWriter(FetchStateStore store, CollectorId collector, Clock clock,
               ExecutorService threads) {
        this.store = store;
        this.collector = collector;
        this.clock = clock;
        this.threads = threads;
    }

    /** Asks for the mark to be written; the ticket tells {@link #await} when it is. */
    long write(String messageKey, Status status) {
        synchronized (lock) {
            queued.put(messageKey, status);
            lastTicket++;
            if (!writing && failure == null) {
                writing = true;
                threads.execute(this::drain);
            }
            return lastTicket;
        }
    }

    /** Waits until the mark of that ticket is durable; a failed write is thrown as raised. */
    void await(long ticket) {
        synchronized (lock) {
            while (durableUpTo < ticket) {
                if (failure != null) {
                    throw rethrown(failure);
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing fetch state", e);
                }
            }
        }
    }

    /** Waits until every mark asked for so far is durable. */
    void flush() {
        long last;
        synchronized (lock) {
            last = lastTicket;
        }
        await(last);
    }

    private void drain() {
        MDC.put("collector", collector.asString());
        try {
            boolean more = true;
            while (more) {
                more = writeNextBatch();
            }
        } finally {
            MDC.remove("collector");
        }
    }

    private boolean writeNextBatch() {
        Map<String, Status> batch;
        long upTo;
        synchronized (lock) {
            if (queued.isEmpty()) {
                writing = false;
                return false;
            }
            batch = queued;
            queued = new LinkedHashMap<>();
            upTo = lastTicket;
        }
        try {
            store.recordAll(collector, batch, clock.instant());
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                failure = e;
                writing = false;
                lock.notifyAll();
            }
            return false;
        }
        synchronized (lock) {
            durableUpTo = upTo;
            lock.notifyAll();
        }
        return true;
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        return (RuntimeException) failure;
    }
}
