package org.jamescollectors.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.Configuration;

/**
 * Reads typed settings from one properties file and collects every problem instead of stopping at
 * the first, so an operator sees them all at once. Each read falls back to its default when the
 * key is absent or blank.
 */
final class SettingsReader {
    private final String fileName;
    private final Configuration configuration;
    private final Set<String> knownKeys = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    SettingsReader(String fileName, Configuration configuration) {
        this.fileName = fileName;
        this.configuration = configuration;
    }

    Optional<String> string(String key) {
        knownKeys.add(key);
        if (!configuration.containsKey(key)) {
            return Optional.empty();
        }
        String joined = Arrays.stream(configuration.getStringArray(key))
            .collect(Collectors.joining(","));
        return Optional.of(joined.trim()).filter(value -> !value.isEmpty());
    }

    List<String> list(String key) {
        return string(key)
            .map(value -> Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toList()))
            .orElse(List.of());
    }

    Duration duration(String key, Duration defaultValue, Duration minimum) {
        Duration value = parsed(key, defaultValue, SettingValues::duration);
        if (value.compareTo(minimum) < 0) {
            problem(key, "must be at least " + minimum.toString().substring(2).toLowerCase()
                + ", was " + string(key).orElse(""));
        }
        return value;
    }

    long size(String key, long defaultValue, long minimum) {
        long value = parsed(key, defaultValue, SettingValues::size);
        if (value < minimum) {
            problem(key, "must be at least " + minimum + " bytes, was " + string(key).orElse(""));
        }
        return value;
    }

    int integer(String key, int defaultValue, int minimum, int maximum) {
        int value = parsed(key, defaultValue, text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("'" + text + "' is not a whole number");
            }
        });
        if (value < minimum || value > maximum) {
            problem(key, "must be within " + minimum + ".." + maximum + ", was " + value);
        }
        return value;
    }

    boolean bool(String key, boolean defaultValue) {
        return parsed(key, defaultValue, text -> {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new InvalidSettingException("'" + text + "' is not true or false");
        });
    }

    <T> T parsed(String key, T defaultValue, Parser<T> parser) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.parse(text.get());
        } catch (InvalidSettingException | IllegalArgumentException e) {
            problem(key, e.getMessage());
            return defaultValue;
        }
    }

    <T> List<T> eachOf(String key, Function<String, T> parser) {
        List<T> values = new ArrayList<>();
        for (String item : list(key)) {
            try {
                values.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
            }
        }
        return values;
    }

    void problem(String key, String text) {
        problems.add(key + ": " + text);
    }

    /** Reports every problem seen, and every key this file has that no read asked for. */
    void finish() throws CollectorsConfigurationException {
        Iterator<String> keys = configuration.getKeys();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!knownKeys.contains(key)) {
                problems.add(key + ": unknown setting; check its spelling against the"
                    + " configuration reference");
            }
        }
        if (!problems.isEmpty()) {
            throw new CollectorsConfigurationException(fileName, problems);
        }
    }

    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws InvalidSettingException;
    }
}
