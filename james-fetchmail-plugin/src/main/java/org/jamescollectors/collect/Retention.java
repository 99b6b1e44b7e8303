package org.jamescollectors.collect;

/**
 * What a collector takes and what it leaves on the remote server. "Fetch all" collects every
 * message, read or not, and always deletes it remotely afterwards; otherwise only new messages are
 * collected and the user chooses whether a copy stays.
 */
public final class Retention {
    private static final Retention FETCH_ALL = new Retention(true, true);
    private static final Retention NEW_AND_DELETE = new Retention(false, true);
    private static final Retention NEW_AND_KEEP = new Retention(false, false);

    private final boolean fetchAll;
    private final boolean deleteAfterFetch;

    private Retention(boolean fetchAll, boolean deleteAfterFetch) {
        this.fetchAll = fetchAll;
        this.deleteAfterFetch = deleteAfterFetch;
    }

    /** The recommended default: every message, deleted remotely once James has stored it. */
    public static Retention fetchAll() {
        return FETCH_ALL;
    }

    /** Only messages not collected before (IMAP: unread), deleted or kept remotely as chosen. */
    public static Retention newOnly(boolean deleteAfterFetch) {
        return deleteAfterFetch ? NEW_AND_DELETE : NEW_AND_KEEP;
    }

    /** Refuses the one combination that makes no sense: fetch all while keeping a copy. */
    public static Retention of(boolean fetchAll, boolean deleteAfterFetch) {
        if (fetchAll && !deleteAfterFetch) {
            throw new IllegalArgumentException(
                "fetchAll collects every message and always deletes it remotely: "
                    + "deleteAfterFetch cannot be false");
        }
        return fetchAll ? FETCH_ALL : newOnly(deleteAfterFetch);
    }

    public boolean fetchAllMessages() {
        return fetchAll;
    }

    public boolean deleteAfterFetch() {
        return deleteAfterFetch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Retention && ((Retention) o).fetchAll == fetchAll
            && ((Retention) o).deleteAfterFetch == deleteAfterFetch;
    }

    @Override
    public int hashCode() {
        return (fetchAll ? 2 : 0) + (deleteAfterFetch ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Retention{fetchAll=" + fetchAll + ", deleteAfterFetch=" + deleteAfterFetch + "}";
    }
}
