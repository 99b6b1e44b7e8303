package org.jamescollectors.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.jamescollectors.bench.MessageSet.Expected;

/** Checks that a folder holds every message of the set exactly once, each body intact. */
final class Verifier {
    private final Map<Integer, Expected> expected = new HashMap<>();
    private final Map<Integer, Integer> seen = new HashMap<>();
    private int untagged;
    private int altered;

    private Verifier(List<Expected> messages) {
        messages.forEach(message -> expected.put(message.id(), message));
    }

    static Result.Verdict verify(BenchHooks hooks, String user, String folder,
                                 List<Expected> messages) throws Exception {
        Verifier verifier = new Verifier(messages);
        hooks.forEachMessage(user, folder, verifier::accept);
        return verifier.verdict();
    }

    private void accept(byte[] message) {
        OptionalInt id = Fingerprint.id(message);
        if (id.isEmpty() || !expected.containsKey(id.getAsInt())) {
            untagged++;
            return;
        }
        if (!expected.get(id.getAsInt()).bodyHash().equals(Fingerprint.bodyHash(message))) {
            altered++;
            return;
        }
        seen.merge(id.getAsInt(), 1, Integer::sum);
    }

    private Result.Verdict verdict() {
        int distinct = seen.size();
        int duplicates = seen.values().stream().mapToInt(count -> count - 1).sum();
        String text = distinct + "/" + expected.size();
        if (distinct == expected.size() && duplicates == 0 && untagged == 0 && altered == 0) {
            return Result.Verdict.complete(distinct, text + " once, bodies intact");
        }
        String missing = expected.keySet().stream().filter(id -> !seen.containsKey(id))
            .sorted().limit(5).map(String::valueOf).collect(Collectors.joining(","));
        return Result.Verdict.incomplete(distinct, text + " intact, "
            + (expected.size() - distinct) + " missing or altered"
            + (missing.isEmpty() ? "" : " (" + missing + "...)") + ", " + duplicates
            + " duplicated, " + altered + " altered, " + untagged + " unknown");
    }
}
