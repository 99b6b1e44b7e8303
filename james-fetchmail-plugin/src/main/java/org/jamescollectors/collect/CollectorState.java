package org.jamescollectors.collect;

/** What the user sees of a collector's life cycle. */
public enum CollectorState {
    /** Collects on schedule (possibly backing off after a transient failure). */
    ACTIVE("active"),
    /** Switched off by its owner. */
    DISABLED("disabled"),
    /** Stopped by the system until its owner re-validates the access data. */
    PAUSED("paused");

    private final String wireName;

    CollectorState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
