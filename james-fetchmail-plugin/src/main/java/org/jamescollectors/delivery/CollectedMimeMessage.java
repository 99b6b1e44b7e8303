package org.jamescollectors.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import javax.mail.MessagingException;

import org.apache.james.server.core.MimeMessageUtil;
import org.apache.james.server.core.MimeMessageWrapper;

/**
 * A collected message as a {@link javax.mail.internet.MimeMessage}: headers are parsed on demand
 * from the file-backed source and the body is never loaded unless a mailet asks for it.
 *
 * <p>As long as no mailet changed it, every way out (storage, {@code writeTo} as used by James
 * to copy a mail for a Sieve redirect, {@link #getMessageInputStream()}) gives the source bytes
 * untouched: James' own {@link MimeMessageWrapper} would re-serialise the headers once the
 * message was parsed, turning raw 8-bit bytes into {@code ?}.
 */
final class CollectedMimeMessage extends MimeMessageWrapper {
    private static final String[] NO_HEADERS = {};

    private final CollectedMessageSource collectedSource;

    CollectedMimeMessage(CollectedMessageSource source) {
        super(source);
        this.collectedSource = source;
    }

    /** The bytes to store: the exact source when unchanged, James' serialisation otherwise. */
    InputStream openForStorage() throws MessagingException, IOException {
        if (isModified()) {
            return super.getMessageInputStream();
        }
        return collectedSource.getInputStream();
    }

    /** The length of {@link #openForStorage()}. */
    long sizeForStorage() throws MessagingException {
        if (isModified()) {
            return MimeMessageUtil.getMessageSize(this);
        }
        return collectedSource.getMessageSize();
    }

    @Override
    public InputStream getMessageInputStream() throws MessagingException {
        try {
            return openForStorage();
        } catch (IOException e) {
            throw new MessagingException("cannot read the collected message", e);
        }
    }

    @Override
    public void writeTo(OutputStream headerOs, OutputStream bodyOs, String[] ignoreList,
                        boolean preLoad) throws IOException, MessagingException {
        boolean whole = headerOs == bodyOs && (ignoreList == null || ignoreList.length == 0);
        if (!whole || isModified()) {
            super.writeTo(headerOs, bodyOs, ignoreList == null ? NO_HEADERS : ignoreList, preLoad);
            return;
        }
        try (InputStream in = collectedSource.getInputStream()) {
            in.transferTo(headerOs);
        }
    }
}
