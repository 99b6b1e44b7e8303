package org.jamescollectors.collect;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.jamescollectors.delivery.CollectedMessage;
import org.jamescollectors.delivery.DeliveryOutcome;
import org.jamescollectors.remote.RemoteMessage;
import org.slf4j.MDC;

/**
 * One downloaded message going through James' pipeline on another thread, so that a run can
 * hand the next message over before this one is stored. The temporary file is deleted once
 * James is done with it.
 */
final class Delivery {
    private final RemoteMessage message;
    private final Future<DeliveryOutcome> outcome;

    private Delivery(RemoteMessage message, Future<DeliveryOutcome> outcome) {
        this.message = message;
        this.outcome = outcome;
    }

    /** Hands the message to James; its file belongs to the delivery from now on. */
    static Delivery start(ExecutorService threads, MessageDelivery delivery,
                          RemoteMessage message, CollectedMessage collected, Path file) {
        return new Delivery(message, threads.submit(() -> {
            MDC.put("collector", collected.collectorId().asString());
            try {
                return delivery.deliver(collected);
            } finally {
                Download.deleteQuietly(file);
                MDC.remove("collector");
            }
        }));
    }

    RemoteMessage message() {
        return message;
    }

    /** Waits for James; what the pipeline threw, if it threw, is thrown as it was raised. */
    DeliveryOutcome outcome() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering " + message.key(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for James to be done with the message, whatever became of it. */
    void awaitQuietly() {
        try {
            outcome.get();
        } catch (ExecutionException e) {
            // the run is ending on another failure already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
