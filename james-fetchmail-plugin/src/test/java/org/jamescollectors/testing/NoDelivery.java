package org.jamescollectors.testing;

import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.MessageDelivery;
import org.jamescollectors.delivery.CollectedMessage;
import org.jamescollectors.delivery.DeliveryOutcome;

/**
 * Delivery for tests whose remote mailboxes stay empty: any message reaching it is a test
 * defect, and fails the run loudly.
 */
public final class NoDelivery implements MessageDelivery {
    public static final NoDelivery INSTANCE = new NoDelivery();

    private NoDelivery() {
    }

    @Override
    public DeliveryOutcome deliver(CollectedMessage message) {
        throw new IllegalStateException("this test expects no message to collect");
    }

    @Override
    public boolean alreadyDelivered(Username owner, CollectorId collector, String messageKey) {
        return false;
    }
}
