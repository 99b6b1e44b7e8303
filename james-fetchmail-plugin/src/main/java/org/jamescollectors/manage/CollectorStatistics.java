package org.jamescollectors.manage;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.store.RunStore;

/** Totals over every collector for operators; nothing in it names a user or a collector. */
public final class CollectorStatistics {
    private final Map<CollectorState, Integer> byState;
    private final Map<String, Integer> byProblem;
    private final RunStore.RunTotals runs;
    private final boolean collectionPaused;

    private CollectorStatistics(Map<CollectorState, Integer> byState,
                                Map<String, Integer> byProblem, RunStore.RunTotals runs,
                                boolean collectionPaused) {
        this.byState = Map.copyOf(byState);
        this.byProblem = Map.copyOf(byProblem);
        this.runs = Objects.requireNonNull(runs, "runs");
        this.collectionPaused = collectionPaused;
    }

    public static CollectorStatistics of(Map<CollectorState, Integer> byState,
                                         Map<String, Integer> byProblem, RunStore.RunTotals runs,
                                         boolean collectionPaused) {
        return new CollectorStatistics(byState, byProblem, runs, collectionPaused);
    }

    public int count(CollectorState state) {
        return byState.getOrDefault(state, 0);
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Collectors per problem code, sorted by code. */
    public Map<String, Integer> byProblem() {
        return new TreeMap<>(byProblem);
    }

    public RunStore.RunTotals runs() {
        return runs;
    }

    /** Whether an operator paused all collection. */
    public boolean collectionPaused() {
        return collectionPaused;
    }
}
