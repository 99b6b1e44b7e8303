package org.jamescollectors.collect;

import org.apache.james.core.Username;
import org.jamescollectors.delivery.CollectedMailSubmitter;
import org.jamescollectors.delivery.CollectedMessage;
import org.jamescollectors.delivery.DeliveredMessageFinder;
import org.jamescollectors.delivery.DeliveryOutcome;

/** What a run needs of James' side: handing a message over, and finding one handed over before. */
public interface MessageDelivery {
    /**
     * Runs the message through James' pipeline on the caller's thread; never throws per message.
     */
    DeliveryOutcome deliver(CollectedMessage message);

    /**
     * True when an earlier, interrupted run already got this message into the owner's mailboxes.
     */
    boolean alreadyDelivered(Username owner, CollectorId collector, String messageKey);

    /** Delivery through James' mailet pipeline. */
    static MessageDelivery through(CollectedMailSubmitter submitter,
                                   DeliveredMessageFinder finder) {
        return new MessageDelivery() {
            @Override
            public DeliveryOutcome deliver(CollectedMessage message) {
                return submitter.submit(message);
            }

            @Override
            public boolean alreadyDelivered(Username owner, CollectorId collector,
                                            String messageKey) {
                return finder.isAlreadyDelivered(owner, collector, messageKey);
            }
        };
    }
}
