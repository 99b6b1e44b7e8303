package org.jamescollectors.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many collectors a user may have, from their storage quota: a base number, more from each
 * tier's quota upwards, and a number for users whose storage is unlimited.
 */
public final class CollectorAllowance {
    /** From {@code minimumQuota} bytes of storage quota on, a user may have {@code collectors}. */
    public static final class Tier {
        private final long minimumQuota;
        private final int collectors;

        private Tier(long minimumQuota, int collectors) {
            this.minimumQuota = minimumQuota;
            this.collectors = collectors;
        }

        public static Tier of(long minimumQuota, int collectors) {
            return new Tier(minimumQuota, collectors);
        }

        public long minimumQuota() {
            return minimumQuota;
        }

        public int collectors() {
            return collectors;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tier && ((Tier) o).minimumQuota == minimumQuota
                && ((Tier) o).collectors == collectors;
        }

        @Override
        public int hashCode() {
            return Objects.hash(minimumQuota, collectors);
        }

        @Override
        public String toString() {
            return minimumQuota + ":" + collectors;
        }
    }

    private final int base;
    private final List<Tier> tiers;
    private final int unlimited;

    private CollectorAllowance(int base, List<Tier> tiers, int unlimited) {
        this.base = base;
        List<Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingLong(Tier::minimumQuota));
        this.tiers = List.copyOf(sorted);
        this.unlimited = unlimited;
    }

    public static CollectorAllowance of(int base, List<Tier> tiers, int unlimited) {
        return new CollectorAllowance(base, tiers, unlimited);
    }

    /** The number allowed for a storage quota in bytes; empty means the quota is unlimited. */
    public int allowedFor(OptionalLong storageQuota) {
        if (storageQuota.isEmpty()) {
            return unlimited;
        }
        int allowed = base;
        for (Tier tier : tiers) {
            if (storageQuota.getAsLong() >= tier.minimumQuota) {
                allowed = tier.collectors;
            }
        }
        return allowed;
    }

    public int base() {
        return base;
    }

    public List<Tier> tiers() {
        return tiers;
    }

    public int unlimited() {
        return unlimited;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollectorAllowance && ((CollectorAllowance) o).base == base
            && ((CollectorAllowance) o).tiers.equals(tiers)
            && ((CollectorAllowance) o).unlimited == unlimited;
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, tiers, unlimited);
    }
}
