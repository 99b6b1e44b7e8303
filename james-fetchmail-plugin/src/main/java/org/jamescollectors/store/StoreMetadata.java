package org.jamescollectors.store;

import java.util.Optional;

/** A few named values the store keeps about itself, such as the fingerprint of the secret key. */
public interface StoreMetadata {
    Optional<String> get(String name);

    /** Sets the value unless one is already there; returns the value now stored. */
    String putIfAbsent(String name, String value);

    void put(String name, String value);
}
