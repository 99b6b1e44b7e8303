package org.jamescollectors.testing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh account names, so that tests sharing one server never see each other's mail. */
public final class TestUsers {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private TestUsers() {
    }

    /** A new name such as {@code user-12-ab12cd34@remote.test}. */
    public static String next() {
        return next("user");
    }

    public static String next(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + RUN + "@remote.test";
    }
}
