package org.jamescollectors.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jamescollectors.collect.CollectorId;

/**
 * What each collector has done with each remote message, keyed on the message's stable key (POP3
 * UIDL, IMAP UIDVALIDITY and UID). Written as each message is delivered, so a run cut off
 * anywhere can be resumed without losing or duplicating mail.
 */
public interface FetchStateStore {
    /** Where a remote message stands for one collector. */
    enum Status {
        /**
         * Handed to James, or about to be (a run marks a few messages ahead); whether James
         * stored it is not known, so the next run looks for it in the mailbox first.
         */
        DELIVERING,
        /** James stored it (or the pipeline ended it on purpose); it may be deleted remotely. */
        COLLECTED
    }

    /** Every message key this collector has a status for. */
    Map<String, Status> statuses(CollectorId collector);

    /** Records (inserting or overwriting) the status of one message. */
    void record(CollectorId collector, String messageKey, Status status, Instant at);

    /**
     * Records the statuses of several messages in one transaction: after a crash, either all of
     * them are stored or none is. A run writes whatever marks gathered while the previous batch
     * was being committed this way, "delivering" and "collected" ones alike.
     */
    void recordAll(CollectorId collector, Map<String, Status> statuses, Instant at);

    /** Forgets one message, so that it counts as never seen. */
    void forget(CollectorId collector, String messageKey);

    /** Forgets every message whose key is not in {@code stillRemote}; returns how many went. */
    int retainOnly(CollectorId collector, Set<String> stillRemote);

    void deleteAll(CollectorId collector);
}
