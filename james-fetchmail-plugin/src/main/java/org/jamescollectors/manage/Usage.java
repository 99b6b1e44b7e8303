package org.jamescollectors.manage;

/** How many collectors a user has and how many they may have. */
public final class Usage {
    private final int used;
    private final int allowed;

    private Usage(int used, int allowed) {
        this.used = used;
        this.allowed = allowed;
    }

    public static Usage of(int used, int allowed) {
        return new Usage(used, allowed);
    }

    public int used() {
        return used;
    }

    public int allowed() {
        return allowed;
    }

    public boolean full() {
        return used >= allowed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Usage && ((Usage) o).used == used && ((Usage) o).allowed == allowed;
    }

    @Override
    public int hashCode() {
        return 31 * used + allowed;
    }

    @Override
    public String toString() {
        return used + "/" + allowed;
    }
}
