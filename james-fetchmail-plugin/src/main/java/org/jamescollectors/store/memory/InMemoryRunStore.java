package org.jamescollectors.store.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.store.RunStore;
import org.jamescollectors.store.StoreLimits;

final class InMemoryRunStore implements RunStore {
    /** Newest first; the id breaks ties, as the JDBC store does. */
    static final Comparator<Run> NEWEST_FIRST = Comparator.comparing(Run::startedAt)
        .thenComparing(run -> run.id().asString())
        .reversed();
    static final String UNKNOWN_FAILURE = "unknown";

    private final Map<RunId, Run> runs = new HashMap<>();

    @Override
    public synchronized void save(Run run) {
        runs.put(run.id(), StoreLimits.fit(run));
    }

    @Override
    public synchronized Optional<Run> find(CollectorId collector, RunId id) {
        return Optional.ofNullable(runs.get(id))
            .filter(run -> run.collectorId().equals(collector));
    }

    @Override
    public synchronized List<Run> recent(CollectorId collector, int limit) {
        return runsOf(collector).stream().limit(limit).collect(Collectors.toList());
    }

    @Override
    public synchronized int trim(CollectorId collector, int keep) {
        List<Run> old = runsOf(collector).stream().skip(keep).collect(Collectors.toList());
        old.forEach(run -> runs.remove(run.id()));
        return old.size();
    }

    @Override
    public synchronized RunTotals totals() {
        long messages = runs.values().stream().mapToLong(Run::messages).sum();
        long bytes = runs.values().stream().mapToLong(Run::bytes).sum();
        Map<String, Long> failures = runs.values().stream()
            .filter(run -> run.outcome() == Run.Outcome.FAILED)
            .collect(Collectors.groupingBy(InMemoryRunStore::failureCode, Collectors.counting()));
        return new RunTotals(runs.size(), messages, bytes, failures);
    }

    synchronized void deleteAll(CollectorId collector) {
        runs.values().removeIf(run -> run.collectorId().equals(collector));
    }

    private List<Run> runsOf(CollectorId collector) {
        return runs.values().stream()
            .filter(run -> run.collectorId().equals(collector))
            .sorted(NEWEST_FIRST)
            .collect(Collectors.toList());
    }

    private static String failureCode(Run run) {
        return run.error().map(Run.Error::code).orElse(UNKNOWN_FAILURE);
    }
}
