package org.jamescollectors.config;

import java.util.List;

/** Every problem found in the plugin's configuration, each naming its setting. */
public final class CollectorsConfigurationException extends Exception {
    private final List<String> problems;

    public CollectorsConfigurationException(String fileName, List<String> problems) {
        super(problems.size() + " problem(s) in " + fileName + ":\n  - "
            + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
