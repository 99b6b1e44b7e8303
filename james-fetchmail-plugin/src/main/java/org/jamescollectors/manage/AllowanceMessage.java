package org.jamescollectors.manage;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.jamescollectors.config.CollectorAllowance;

/** Explains a user's collector limit: the number, the quota it comes from, the next tier. */
final class AllowanceMessage {
    private AllowanceMessage() {
    }

    static String of(CollectorAllowance allowance, OptionalLong quota, int allowed) {
        String limit = "you may have at most " + allowed + " collector" + (allowed == 1 ? "" : "s");
        if (quota.isEmpty()) {
            return limit + "; this is the number for unlimited storage";
        }
        String text = limit + " with your storage quota of " + size(quota.getAsLong());
        return text + nextTier(allowance, quota.getAsLong(), allowed)
            .map(tier -> "; a quota of " + size(tier.minimumQuota()) + " or more allows "
                + tier.collectors())
            .orElse("");
    }

    private static Optional<CollectorAllowance.Tier> nextTier(CollectorAllowance allowance,
                                                              long quota, int allowed) {
        return allowance.tiers().stream()
            .filter(tier -> tier.minimumQuota() > quota && tier.collectors() > allowed)
            .findFirst();
    }

    /** Bytes in the largest binary unit that keeps one decimal: 5 GiB, 1.5 GiB, 200 MiB. */
    static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.floor(value)
            ? String.valueOf((long) value)
            : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
