package org.jamescollectors.delivery;

/** Hands a collected message to James. Stand-in for the delivery layer's signature. */
public interface CollectedMailSubmitter {
    DeliveryOutcome submit(CollectedMessage message);
}
