package org.jamescollectors.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations and sizes the way people write them: {@code 1h}, {@code 30s}, {@code 50MiB}. */
public final class SettingValues {
    private static final Pattern AMOUNT = Pattern.compile("^(\\d{1,18})\\s*([a-zA-Z]*)$");

    private SettingValues() {
    }

    /**
     * Parses a duration such as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h} or {@code 3d}.
     * A bare number is not accepted: its unit would be a guess.
     */
    public static Duration duration(String text) throws InvalidSettingException {
        Matcher matcher = AMOUNT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new InvalidSettingException(
                "'" + text + "' is not a duration; write a whole number and a unit:"
                    + " ms, s, m, h or d (for example 30s or 1h)");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
            case "min":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                throw new InvalidSettingException("'" + text + "' has no known duration unit;"
                    + " use ms, s, m, h or d (for example 30s or 1h)");
        }
    }

    /**
     * Parses a size in bytes: a bare number of bytes, or a number with {@code B}, {@code KiB},
     * {@code MiB}, {@code GiB}, {@code TiB} (powers of 1024) or {@code KB}, {@code MB}, {@code GB},
     * {@code TB} (powers of 1000).
     */
    public static long size(String text) throws InvalidSettingException {
        Matcher matcher = AMOUNT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new InvalidSettingException("'" + text + "' is not a size; write a whole number"
                + " and a unit such as KiB, MiB or GiB (for example 50MiB)");
        }
        long amount = Long.parseLong(matcher.group(1));
        long unit = sizeUnit(text, matcher.group(2).toLowerCase(Locale.ROOT));
        if (amount > Long.MAX_VALUE / unit) {
            throw new InvalidSettingException("'" + text + "' is too large a size");
        }
        return amount * unit;
    }

    private static long sizeUnit(String text, String unit) throws InvalidSettingException {
        switch (unit) {
            case "":
            case "b":
                return 1L;
            case "kib":
                return 1L << 10;
            case "mib":
                return 1L << 20;
            case "gib":
                return 1L << 30;
            case "tib":
                return 1L << 40;
            case "kb":
                return 1_000L;
            case "mb":
                return 1_000_000L;
            case "gb":
                return 1_000_000_000L;
            case "tb":
                return 1_000_000_000_000L;
            default:
                throw new InvalidSettingException("'" + text + "' has no known size unit;"
                    + " use B, KiB, MiB, GiB, TiB, KB, MB, GB or TB (for example 50MiB)");
        }
    }
}
