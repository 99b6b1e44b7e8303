package org.jamescollectors.remote;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jamescollectors.collect.Protocol;

/**
 * One message as listed by a remote server. {@link #key()} is stable across sessions and is what
 * fetch state is stored under: POP3 UIDL (RFC 1939 §7), IMAP UIDVALIDITY plus UID (RFC 3501
 * §2.3.1.1), so that a renumbered or recreated IMAP folder never matches old keys.
 */
public final class RemoteMessage {
    private final Protocol protocol;
    private final String uid;
    private final String folderEpoch;
    private final long size;
    private final boolean seen;
    private final Optional<Instant> internalDate;

    private RemoteMessage(Protocol protocol, String uid, String folderEpoch, long size,
                          boolean seen, Optional<Instant> internalDate) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.uid = Objects.requireNonNull(uid, "uid");
        this.folderEpoch = Objects.requireNonNull(folderEpoch, "folderEpoch");
        this.internalDate = Objects.requireNonNull(internalDate, "internalDate");
        if (uid.isEmpty()) {
            throw new IllegalArgumentException("uid must not be empty");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.size = size;
        this.seen = seen;
    }

    /** A POP3 message: its UIDL and its LIST size. */
    public static RemoteMessage pop3(String uidl, long size) {
        return new RemoteMessage(Protocol.POP3, uidl, "", size, false, Optional.empty());
    }

    /** An IMAP message of a folder whose UIDVALIDITY is {@code uidValidity}. */
    public static RemoteMessage imap(long uidValidity, long uid, long size, boolean seen,
                                     Optional<Instant> internalDate) {
        if (uidValidity <= 0 || uid <= 0) {
            throw new IllegalArgumentException("UIDVALIDITY and UID must be positive: "
                + uidValidity + "/" + uid);
        }
        return new RemoteMessage(Protocol.IMAP, Long.toString(uid), Long.toString(uidValidity),
            size, seen, internalDate);
    }

    public Protocol protocol() {
        return protocol;
    }

    /** POP3: the UIDL; IMAP: the UID as decimal text. */
    public String uid() {
        return uid;
    }

    /** IMAP: UIDVALIDITY as decimal text; POP3: the empty string. */
    public String folderEpoch() {
        return folderEpoch;
    }

    /** The stable store key: {@code pop3:<uidl>} or {@code imap:<uidvalidity>:<uid>}. */
    public String key() {
        if (protocol == Protocol.POP3) {
            return "pop3:" + uid;
        }
        return "imap:" + folderEpoch + ":" + uid;
    }

    /** RFC822.SIZE on IMAP, the LIST octets on POP3: what the server announced. */
    public long size() {
        return size;
    }

    /** IMAP \Seen; always false on POP3, which has no flags. */
    public boolean seen() {
        return seen;
    }

    /** IMAP INTERNALDATE; empty on POP3 or when the server's date could not be read. */
    public Optional<Instant> internalDate() {
        return internalDate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RemoteMessage)) {
            return false;
        }
        RemoteMessage that = (RemoteMessage) o;
        return protocol == that.protocol && uid.equals(that.uid)
            && folderEpoch.equals(that.folderEpoch) && size == that.size && seen == that.seen
            && internalDate.equals(that.internalDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, uid, folderEpoch, size, seen, internalDate);
    }

    @Override
    public String toString() {
        return "RemoteMessage{" + key() + ", size=" + size + ", seen=" + seen + "}";
    }
}
