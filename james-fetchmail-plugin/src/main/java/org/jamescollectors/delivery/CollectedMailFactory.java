package org.jamescollectors.delivery;

import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;

/** Builds the James {@link Mail} for one collected message. */
final class CollectedMailFactory {
    /**
     * Collected mail did not reach us over a network connection we could vouch for: give it an
     * address that no "trusted network" setting ever covers.
     */
    static final String UNKNOWN_REMOTE_ADDRESS = "0.0.0.0";
    private static final String RETURN_PATH = "Return-Path";

    private CollectedMailFactory() {
    }

    /**
     * A mail in state {@code processor} for {@code owner} alone, whose message is {@code header}
     * followed by the bytes of {@code message}'s file. The caller disposes it.
     */
    static MailImpl create(CollectedMessage message, MailAddress owner, TraceHeader header,
                           String processor) throws MessagingException {
        CollectedMimeMessage mime = new CollectedMimeMessage(new CollectedMessageSource(
            "collected-" + header.marker(), header.asBytes(), message.content(), message.size()));
        MailImpl mail = MailImpl.builder()
            .name("collected-" + MailImpl.getId())
            .sender(envelopeSender(mime))
            .addRecipient(owner)
            .state(processor)
            .remoteHost(message.remoteHost())
            .remoteAddr(UNKNOWN_REMOTE_ADDRESS)
            .build();
        mail.setMessageNoCopy(mime);
        setAttributes(mail, message);
        return mail;
    }

    private static void setAttributes(Mail mail, CollectedMessage message) {
        CollectedMailAttributes.set(mail, CollectedMailAttributes.OWNER,
            message.owner().asString());
        CollectedMailAttributes.set(mail, CollectedMailAttributes.COLLECTOR_ID,
            message.collectorId().asString());
        CollectedMailAttributes.set(mail, CollectedMailAttributes.COLLECTOR_NAME,
            message.collectorName());
        CollectedMailAttributes.set(mail, CollectedMailAttributes.MESSAGE_KEY,
            message.messageKey());
        message.targetFolder().ifPresent(folder ->
            CollectedMailAttributes.set(mail, CollectedMailAttributes.TARGET_FOLDER, folder));
        message.internalDate().ifPresent(date ->
            CollectedMailAttributes.set(mail, CollectedMailAttributes.INTERNAL_DATE,
                date.toString()));
    }

    /** The address in the message's first Return-Path header, else the null sender. */
    static MaybeSender envelopeSender(CollectedMimeMessage mime) throws MessagingException {
        String[] returnPaths = mime.getHeader(RETURN_PATH);
        if (returnPaths == null || returnPaths.length == 0) {
            return MaybeSender.nullSender();
        }
        return parseReturnPath(returnPaths[0])
            .map(MaybeSender::of)
            .orElse(MaybeSender.nullSender());
    }

    static Optional<MailAddress> parseReturnPath(String value) {
        String path = value.replaceAll("\\s+", "");
        int open = path.indexOf('<');
        int close = path.lastIndexOf('>');
        if (open >= 0 && close > open) {
            path = path.substring(open + 1, close);
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailAddress(path));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
