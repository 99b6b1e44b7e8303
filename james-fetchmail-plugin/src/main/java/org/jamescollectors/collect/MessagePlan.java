package org.jamescollectors.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.store.FetchStateStore.Status;

/**
 * What one run does with each remote message, decided from the remote listing, the fetch state and
 * the collector's retention before any message is touched. Pure: no I/O.
 */
public final class MessagePlan {
    /** What happens to one remote message. */
    public enum Step {
        /** New to this collector: download and deliver. */
        DELIVER,
        /** Handed to James by a run that was cut off: deliver only if James does not have it. */
        RECOVER,
        /** Collected before; only the remote deletion is still to do. */
        DELETE,
        /** Larger than the operator allows: stays on the server, reported. */
        TOO_LARGE
    }

    /** One message and its step. */
    public static final class Entry {
        private final RemoteMessage message;
        private final Step step;

        private Entry(RemoteMessage message, Step step) {
            this.message = message;
            this.step = step;
        }

        public RemoteMessage message() {
            return message;
        }

        public Step step() {
            return step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry && ((Entry) o).message.equals(message)
                && ((Entry) o).step == step;
        }

        @Override
        public int hashCode() {
            return Objects.hash(message, step);
        }

        @Override
        public String toString() {
            return step + " " + message.key();
        }
    }

    /** The operator's bounds on one run. */
    public static final class Limits {
        private final long maxMessageSize;
        private final int maxMessages;
        private final long maxBytes;

        private Limits(long maxMessageSize, int maxMessages, long maxBytes) {
            this.maxMessageSize = maxMessageSize;
            this.maxMessages = maxMessages;
            this.maxBytes = maxBytes;
        }

        public static Limits of(long maxMessageSize, int maxMessages, long maxBytes) {
            return new Limits(maxMessageSize, maxMessages, maxBytes);
        }
    }

    private final List<Entry> entries;
    private final boolean truncated;

    private MessagePlan(List<Entry> entries, boolean truncated) {
        this.entries = List.copyOf(entries);
        this.truncated = truncated;
    }

    /**
     * Plans a run. Messages are taken in server order; once the messages-per-run or bytes-per-run
     * bound is reached the rest wait for the next run (the plan says it was truncated). Pending
     * deletions are always planned: they cost no download.
     */
    public static MessagePlan of(List<RemoteMessage> listing, Map<String, Status> statuses,
                                 Protocol protocol, Retention retention, Limits limits) {
        List<Entry> entries = new ArrayList<>();
        int downloads = 0;
        long bytes = 0;
        boolean truncated = false;
        for (RemoteMessage message : listing) {
            Status status = statuses.get(message.key());
            if (status == Status.COLLECTED) {
                if (retention.deleteAfterFetch()) {
                    entries.add(new Entry(message, Step.DELETE));
                }
                continue;
            }
            if (status == null && !isWanted(message, protocol, retention)) {
                continue;
            }
            if (message.size() > limits.maxMessageSize) {
                entries.add(new Entry(message, Step.TOO_LARGE));
                continue;
            }
            boolean overBytes = downloads > 0 && bytes + message.size() > limits.maxBytes;
            if (downloads >= limits.maxMessages || overBytes) {
                truncated = true;
                continue;
            }
            downloads++;
            bytes += message.size();
            entries.add(new Entry(message,
                status == Status.DELIVERING ? Step.RECOVER : Step.DELIVER));
        }
        return new MessagePlan(entries, truncated);
    }

    /**
     * "Fetch all" takes every message; otherwise only new ones: on IMAP the unread ones, on POP3
     * (which has no read flag, RFC 1939) every message this collector has no state for.
     */
    private static boolean isWanted(RemoteMessage message, Protocol protocol, Retention retention) {
        if (retention.fetchAllMessages()) {
            return true;
        }
        return protocol == Protocol.POP3 || !message.seen();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** True when some wanted messages were left for the next run because of the run's bounds. */
    public boolean truncated() {
        return truncated;
    }
}
