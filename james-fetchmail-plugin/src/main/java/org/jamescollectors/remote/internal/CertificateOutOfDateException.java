package org.jamescollectors.remote.internal;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;

/**
 * The server's own certificate is outside its validity period: expired, or not valid yet. It is
 * refused whoever vouches for it, even a trust store holding that very certificate, which the
 * JDK's checks alone would accept.
 */
final class CertificateOutOfDateException extends CertificateException {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final boolean expired;
    private final Instant limit;

    private CertificateOutOfDateException(boolean expired, Instant limit) {
        super((expired ? "certificate expired at " : "certificate not valid before ") + limit);
        this.expired = expired;
        this.limit = limit;
    }

    /** Throws when {@code certificate} is not valid at {@code now}. */
    static void requireValid(X509Certificate certificate, Instant now)
        throws CertificateOutOfDateException {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new CertificateOutOfDateException(true, certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new CertificateOutOfDateException(false,
                certificate.getNotBefore().toInstant());
        }
    }

    /** The first exception of this kind in the causes of {@code failure}, if any. */
    static Optional<CertificateOutOfDateException> findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateOutOfDateException) {
                return Optional.of((CertificateOutOfDateException) cause);
            }
        }
        return Optional.empty();
    }

    /** What the owner of a collector reads, for the server named {@code host}. */
    String userMessage(String host) {
        String date = DATE.format(limit);
        if (expired) {
            return "The security certificate of " + host + " expired on " + date + ", so no"
                + " secure connection was made and nothing was sent to it; the server's"
                + " administrators must renew the certificate.";
        }
        return "The security certificate of " + host + " is not valid before " + date + ", so"
            + " no secure connection was made and nothing was sent to it; the clock of that"
            + " server, or of this one, may be wrong.";
    }
}
