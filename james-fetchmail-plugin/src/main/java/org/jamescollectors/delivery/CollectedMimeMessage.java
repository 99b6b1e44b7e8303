package org.jamescollectors.delivery;

import java.io.IOException;
import java.io.InputStream;

import javax.mail.MessagingException;

import org.apache.james.server.core.MimeMessageInputStream;
import org.apache.james.server.core.MimeMessageUtil;
import org.apache.james.server.core.MimeMessageWrapper;

/**
 * A collected message as a {@link javax.mail.internet.MimeMessage}: headers are parsed on demand
 * from the file-backed source and the body is never loaded unless a mailet asks for it. As long
 * as no mailet changed it, storage reads the source bytes untouched, so javax.mail never gets to
 * re-serialise (and mangle) raw 8-bit or malformed headers.
 */
final class CollectedMimeMessage extends MimeMessageWrapper {
    private final CollectedMessageSource collectedSource;

    CollectedMimeMessage(CollectedMessageSource source) {
        super(source);
        this.collectedSource = source;
    }

    /** The bytes to store: the exact source when unchanged, James' serialisation otherwise. */
    InputStream openForStorage() throws MessagingException, IOException {
        if (isModified()) {
            return new MimeMessageInputStream(this);
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
}
