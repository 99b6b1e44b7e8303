package org.jamescollectors.store;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.RunId;
import org.jamescollectors.collect.Security;

/** Collectors and runs for store tests, at fixed times. */
public final class StoreSamples {
    public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    public static final Username ALICE = Username.of("alice@example.com");
    public static final Username BOB = Username.of("bob@example.com");

    private StoreSamples() {
    }

    /** An active IMAP collector due at {@link #NOW}. */
    public static Collector collector(Username owner, String name) {
        return Collector.builder()
            .id(CollectorId.random())
            .owner(owner)
            .name(name)
            .account(RemoteAccount.imap("imap.example.net", 993, Security.TLS,
                owner.getLocalPart(), Optional.empty()))
            .encryptedPassword("v1:c2VjcmV0")
            .createdAt(NOW)
            .nextRunAt(NOW)
            .build();
    }

    /** A collector with every optional field set and every default changed. */
    public static Collector everyFieldSet(Username owner) {
        return collector(owner, "Everything")
            .toBuilder()
            .account(RemoteAccount.imap("mail.example.org", 143, Security.STARTTLS, "al.ice",
                Optional.of("Archives/2025")))
            .retention(Retention.newOnly(false))
            .targetFolder(Optional.of("Collected"))
            .paused(true)
            .problem(Optional.of(Problem.of("auth.refused", "the server refused the password",
                NOW.minusSeconds(60), Optional.of(NOW.plusSeconds(3600)))))
            .consecutiveFailures(3)
            .createdAt(NOW.minusSeconds(86_400))
            .nextRunAt(NOW.plusSeconds(600))
            .version(1)
            .build();
    }

    public static Collector pop3(Username owner, String name) {
        return collector(owner, name).toBuilder()
            .account(RemoteAccount.pop3("pop.example.net", 995, Security.TLS, "user"))
            .build();
    }

    public static Run run(CollectorId collector, Instant startedAt) {
        return Run.started(RunId.random(), collector, Run.Trigger.SCHEDULE, startedAt);
    }

    public static Run finished(CollectorId collector, Instant startedAt, Run.Outcome outcome,
                               int messages, long bytes, Optional<Run.Error> error) {
        return run(collector, startedAt)
            .finish(startedAt.plusSeconds(5), outcome, messages, bytes, 0, error);
    }

    /** A string of {@code length} chars repeating {@code unit} (which may be a surrogate pair). */
    public static String repeat(String unit, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() + unit.length() <= length) {
            text.append(unit);
        }
        while (text.length() < length) {
            text.append('x');
        }
        return text.toString();
    }
}
