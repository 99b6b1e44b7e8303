package org.jamescollectors.remote.imap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jamescollectors.remote.RemoteMessage;

/**
 * The FETCH responses of one UID FETCH, merged per message sequence number. An EXPUNGE, which
 * the server may send in the middle of a UID command (RFC 3501 §7.4.1), renumbers the messages
 * after it; unsolicited FLAGS updates merge into the message they name.
 */
final class FetchTable implements ImapExchange.FetchListener {
    private static final DateTimeFormatter INTERNAL_DATE = new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern("d-MMM-yyyy HH:mm:ss xx")
        .toFormatter(Locale.ENGLISH);

    private final TreeMap<Long, Map<String, ImapValue>> entries = new TreeMap<>();

    /** The items of a FETCH response as name (upper-cased) to value. */
    static Map<String, ImapValue> items(ImapValue list) {
        Map<String, ImapValue> items = new HashMap<>();
        List<ImapValue> flat = list.items();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            items.put(flat.get(i).upperText(), flat.get(i + 1));
        }
        return items;
    }

    @Override
    public void fetched(long sequence, ImapValue list) {
        entries.computeIfAbsent(sequence, key -> new HashMap<>()).putAll(items(list));
    }

    @Override
    public void expunged(long sequence) {
        entries.remove(sequence);
        for (Long later : new ArrayList<>(entries.tailMap(sequence, false).keySet())) {
            entries.put(later - 1, entries.remove(later));
        }
    }

    /**
     * The messages in sequence order. Entries without a UID are unsolicited updates of
     * messages gone since and are left out; a UID without RFC822.SIZE is a server error.
     */
    List<RemoteMessage> messages(long uidValidity) {
        List<RemoteMessage> messages = new ArrayList<>();
        for (Map<String, ImapValue> entry : entries.values()) {
            if (entry.containsKey("UID")) {
                messages.add(message(uidValidity, entry));
            }
        }
        return messages;
    }

    private static RemoteMessage message(long uidValidity, Map<String, ImapValue> entry) {
        long uid = number(entry.get("UID"));
        ImapValue size = entry.get("RFC822.SIZE");
        if (size == null) {
            throw new IllegalArgumentException("no RFC822.SIZE for UID " + uid);
        }
        return RemoteMessage.imap(uidValidity, uid, number(size), seen(entry.get("FLAGS")),
            internalDate(entry.get("INTERNALDATE")));
    }

    /** Parses a number item; {@link IllegalArgumentException} when it is not one. */
    static long number(ImapValue value) {
        String text = value.text();
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')
            || text.length() > 18) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        return Long.parseLong(text);
    }

    private static boolean seen(ImapValue flags) {
        return flags != null && flags.items().stream().anyMatch(flag -> flag.isAtom("\\Seen"));
    }

    /** RFC 3501 date-time, day possibly space-padded; an unreadable date is left out. */
    static Optional<Instant> internalDate(ImapValue value) {
        if (value == null || value.type() != ImapValue.Type.STRING) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.text().trim(), INTERNAL_DATE)
                .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
