package org.jamescollectors.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;

/**
 * The longest values every store keeps, counted in UTF-16 chars ({@link String#length()}), and
 * the form in which values are stored. Every implementation passes what it is given through
 * {@link #fit(Collector)} and {@link #fit(Run)}, so that all of them keep the same thing: times
 * cut to the millisecond, free-text messages cut to {@link #MESSAGE}, and identifiers or names
 * over their limit refused with {@link IllegalArgumentException}.
 *
 * <p>Values the stores look up or keep unique (owners, collector names, message keys, node ids,
 * metadata names) must not end with a space: Derby compares text as if padded with spaces, so
 * {@code "work"} and {@code "work "} would be one name there and two elsewhere.
 */
public final class StoreLimits {
    public static final int OWNER = 255;
    public static final int NAME = 255;
    public static final int HOST = 255;
    public static final int USERNAME = 255;
    public static final int FOLDER = 1000;
    public static final int ENCRYPTED_PASSWORD = 4000;
    public static final int CODE = 64;
    public static final int MESSAGE = 2000;
    public static final int MESSAGE_KEY = 512;
    public static final int NODE_ID = 255;
    public static final int METADATA_NAME = 128;
    public static final int METADATA_VALUE = 4000;

    private StoreLimits() {
    }

    /** The collector as a store keeps it; throws when a field is over its limit. */
    public static Collector fit(Collector collector) {
        key("owner", collector.owner().asString(), OWNER);
        key("name", collector.name(), NAME);
        fitAccount(collector.account());
        within("encryptedPassword", collector.encryptedPassword(), ENCRYPTED_PASSWORD);
        collector.targetFolder().ifPresent(folder -> within("targetFolder", folder, FOLDER));
        return collector.toBuilder()
            .problem(collector.problem().map(StoreLimits::fit))
            .createdAt(millis(collector.createdAt()))
            .nextRunAt(millis(collector.nextRunAt()))
            .build();
    }

    /** The run as a store keeps it; throws when its error code is over its limit. */
    public static Run fit(Run run) {
        Optional<Run.Error> error = run.error()
            .map(e -> Run.Error.of(within("error code", e.code(), CODE),
                cut(e.message(), MESSAGE)));
        return Run.of(run.id(), run.collectorId(), run.trigger(), millis(run.startedAt()),
            run.finishedAt().map(StoreLimits::millis), run.outcome(), run.messages(), run.bytes(),
            run.skipped(), error);
    }

    /** Returns {@code value}, or throws when it is longer than {@code limit}. */
    public static String within(String what, String value, int limit) {
        if (value.length() > limit) {
            throw new IllegalArgumentException(
                what + " is longer than " + limit + " characters: " + value.length());
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is too long or ends with a space. */
    public static String key(String what, String value, int limit) {
        within(what, value, limit);
        if (value.endsWith(" ")) {
            throw new IllegalArgumentException(
                what + " must not end with a space: '" + value + "'");
        }
        return value;
    }

    /** Returns {@code count}, or throws when it is negative. */
    public static int nonNegative(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + count);
        }
        return count;
    }

    /** The first {@code limit} chars of {@code value}, never splitting a surrogate pair. */
    public static String cut(String value, int limit) {
        if (value.length() <= limit) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
        return value.substring(0, end);
    }

    /** The instant cut to the millisecond, as stores keep times. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static void fitAccount(RemoteAccount account) {
        within("host", account.host(), HOST);
        within("username", account.username(), USERNAME);
        account.sourceFolder().ifPresent(folder -> within("sourceFolder", folder, FOLDER));
    }

    private static Problem fit(Problem problem) {
        return Problem.of(within("problem code", problem.code(), CODE),
            cut(problem.message(), MESSAGE), millis(problem.since()),
            problem.retryAt().map(StoreLimits::millis));
    }
}
