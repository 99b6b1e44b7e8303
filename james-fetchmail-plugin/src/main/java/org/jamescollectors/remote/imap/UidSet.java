package org.jamescollectors.remote.imap;

import java.util.List;
import java.util.stream.Collectors;

/** A compact IMAP sequence set of UIDs (RFC 3501 §9 sequence-set): "3:5,9,12:13". */
final class UidSet {
    private UidSet() {
    }

    static String of(List<Long> sortedUids) {
        if (sortedUids.isEmpty()) {
            throw new IllegalArgumentException("an IMAP UID set cannot be empty");
        }
        StringBuilder set = new StringBuilder();
        int start = 0;
        for (int i = 1; i <= sortedUids.size(); i++) {
            boolean runEnds = i == sortedUids.size()
                || sortedUids.get(i) != sortedUids.get(i - 1) + 1;
            if (runEnds) {
                append(set, sortedUids.get(start), sortedUids.get(i - 1));
                start = i;
            }
        }
        return set.toString();
    }

    private static void append(StringBuilder set, long first, long last) {
        if (set.length() > 0) {
            set.append(',');
        }
        set.append(first);
        if (last != first) {
            set.append(':').append(last);
        }
    }

    static String describe(List<Long> uids) {
        return uids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
