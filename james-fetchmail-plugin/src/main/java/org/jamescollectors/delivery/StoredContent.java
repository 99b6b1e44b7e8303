package org.jamescollectors.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Content;
import org.apache.james.server.core.MimeMessageInputStream;
import org.apache.james.server.core.MimeMessageUtil;

/**
 * What goes into the mailbox: the per-recipient header lines (such as {@code Delivered-To}) as
 * raw bytes, then the message. Re-readable, as James' mailbox store reads it twice.
 */
final class StoredContent implements Content {
    private final byte[] prefix;
    private final MimeMessage message;

    StoredContent(byte[] prefix, MimeMessage message) {
        this.prefix = prefix.clone();
        this.message = message;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(prefix), openMessage());
    }

    private InputStream openMessage() throws IOException {
        try {
            if (message instanceof CollectedMimeMessage) {
                return ((CollectedMimeMessage) message).openForStorage();
            }
            return new MimeMessageInputStream(message);
        } catch (MessagingException e) {
            throw new IOException("cannot read the collected message", e);
        }
    }

    @Override
    public long size() throws MailboxException {
        try {
            if (message instanceof CollectedMimeMessage) {
                return prefix.length + ((CollectedMimeMessage) message).sizeForStorage();
            }
            return prefix.length + MimeMessageUtil.getMessageSize(message);
        } catch (MessagingException e) {
            throw new MailboxException("cannot size the collected message", e);
        }
    }
}
