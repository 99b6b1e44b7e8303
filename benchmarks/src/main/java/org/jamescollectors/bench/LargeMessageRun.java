package org.jamescollectors.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.jamescollectors.bench.AllocationProfile.Allocation;
import org.jamescollectors.bench.AllocationProfile.Survivor;

/**
 * What one collection of the large message showed in the James JVM that made it, as that JVM
 * writes it down for the harness (a properties file) and the harness reads it back.
 */
final class LargeMessageRun {
    private static final String SEPARATOR = "|";
    private static final String HOLDER_SEPARATOR = " <- ";

    private final Properties values;
    private final String protocol;

    private LargeMessageRun(Properties values, String protocol) {
        this.values = values;
        this.protocol = protocol;
    }

    /** An empty record for {@code protocol}, to be filled in with {@link #put}. */
    static LargeMessageRun of(String protocol) {
        return new LargeMessageRun(new Properties(), protocol);
    }

    /** The record for {@code protocol} among those written to {@code values}. */
    static LargeMessageRun from(Properties values, String protocol) {
        return new LargeMessageRun(values, protocol);
    }

    LargeMessageRun put(String key, Object value) {
        values.setProperty(protocol + "." + key, String.valueOf(value));
        return this;
    }

    LargeMessageRun allocations(List<Allocation> allocations) {
        put("allocations", allocations.size());
        for (int i = 0; i < allocations.size(); i++) {
            Allocation allocation = allocations.get(i);
            put("allocation." + i, allocation.bytes() + SEPARATOR + allocation.type() + SEPARATOR
                + allocation.site() + SEPARATOR + allocation.ourCaller().orElse(""));
        }
        return this;
    }

    LargeMessageRun survivors(List<Survivor> survivors) {
        put("survivors", survivors.size());
        for (int i = 0; i < survivors.size(); i++) {
            Survivor survivor = survivors.get(i);
            put("survivor." + i, survivor.elements() + SEPARATOR + survivor.type() + SEPARATOR
                + survivor.site() + SEPARATOR + String.join(HOLDER_SEPARATOR, survivor.holders()));
        }
        return this;
    }

    void copyTo(Properties target) {
        target.putAll(values);
    }

    String protocol() {
        return protocol;
    }

    Optional<String> text(String key) {
        return Optional.ofNullable(values.getProperty(protocol + "." + key));
    }

    long number(String key) {
        return text(key).map(Long::parseLong).orElse(-1L);
    }

    boolean flag(String key) {
        return text(key).map(Boolean::parseBoolean).orElse(false);
    }

    List<Allocation> allocations() {
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < number("allocations"); i++) {
            String[] parts = text("allocation." + i).orElseThrow().split("\\|", -1);
            allocations.add(Allocation.of(Long.parseLong(parts[0]), parts[1], parts[2],
                parts[3].isEmpty() ? Optional.empty() : Optional.of(parts[3])));
        }
        return allocations;
    }

    List<Survivor> survivors() {
        List<Survivor> survivors = new ArrayList<>();
        for (int i = 0; i < number("survivors"); i++) {
            String[] parts = text("survivor." + i).orElseThrow().split("\\|", -1);
            survivors.add(Survivor.of(Long.parseLong(parts[0]), parts[1], parts[2],
                parts[3].isEmpty() ? List.of() : List.of(parts[3].split(HOLDER_SEPARATOR))));
        }
        return survivors;
    }
}
