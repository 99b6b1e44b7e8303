package org.jamescollectors.store.jdbc;

import java.util.List;

/** The store settings are wrong; {@link #problems()} lists every one, each naming its setting. */
public final class InvalidStoreConfigurationException extends RuntimeException {
    private final List<String> problems;

    InvalidStoreConfigurationException(List<String> problems) {
        super("invalid collector store configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
