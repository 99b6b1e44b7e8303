package org.jamescollectors.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait for the server: to accept the TCP connection, to complete the whole TLS
 * handshake, and for each read afterwards (socket {@code SO_TIMEOUT}). Immutable.
 */
public final class Timeouts {
    private static final Timeouts DEFAULTS =
        new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(60));

    private final Duration connect;
    private final Duration handshake;
    private final Duration read;

    private Timeouts(Duration connect, Duration handshake, Duration read) {
        this.connect = checked(connect, "connect");
        this.handshake = checked(handshake, "handshake");
        this.read = checked(read, "read");
    }

    public static Timeouts of(Duration connect, Duration handshake, Duration read) {
        return new Timeouts(connect, handshake, read);
    }

    /** 15 s to connect, 15 s for the TLS handshake, 60 s per read. */
    public static Timeouts defaults() {
        return DEFAULTS;
    }

    private static Duration checked(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " timeout must be within 1 ms..24 days: "
                + duration);
        }
        return duration;
    }

    public Duration connect() {
        return connect;
    }

    public Duration handshake() {
        return handshake;
    }

    public Duration read() {
        return read;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Timeouts)) {
            return false;
        }
        Timeouts that = (Timeouts) o;
        return connect.equals(that.connect) && handshake.equals(that.handshake)
            && read.equals(that.read);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connect, handshake, read);
    }

    @Override
    public String toString() {
        return "Timeouts{connect=" + connect + ", handshake=" + handshake + ", read=" + read + "}";
    }
}
