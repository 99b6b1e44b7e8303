package org.jamescollectors.delivery;

import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;

/** Tells whether an interrupted run already delivered a message. Stand-in signature. */
public interface DeliveredMessageFinder {
    boolean isAlreadyDelivered(Username owner, CollectorId collector, String messageKey);
}
