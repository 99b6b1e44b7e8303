package org.jamescollectors.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.jamescollectors.collect.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a collector's owner by mail that it was paused: a plain-text UTF-8 message from the
 * postmaster to the owner's address, put into James' spool like any mail a mailet sends, so it
 * goes through the whole pipeline (the owner's Sieve filters included) into their mailbox. It has
 * a null envelope sender and {@code Auto-Submitted: auto-generated} (RFC 3834), so that nothing
 * answers or bounces it back. Each pause is told once (see {@link PauseNoticeLedger}). Never
 * throws: a notice that cannot be sent is logged as a WARN.
 */
public final class MailPauseNotifier implements PauseNotifier {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailPauseNotifier.class);

    private final Supplier<MailetContext> mailetContext;
    private final UsersRepository users;
    private final PauseNoticeWriter writer;
    private final PauseNoticeLedger ledger;
    private final Clock clock;

    public MailPauseNotifier(Supplier<MailetContext> mailetContext, UsersRepository users,
                             PauseNoticeWriter writer, PauseNoticeLedger ledger, Clock clock) {
        this.mailetContext = Objects.requireNonNull(mailetContext, "mailetContext");
        this.users = Objects.requireNonNull(users, "users");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void collectorPaused(Collector paused) {
        try {
            if (!ledger.recordFirstNotice(paused)) {
                LOGGER.info("Owner already told about this pause of collector {}", paused.id());
                return;
            }
            send(paused);
            LOGGER.info("Told the owner of collector {} that it was paused", paused.id());
        } catch (MessagingException | UsersRepositoryException | RuntimeException e) {
            LOGGER.warn("Could not tell the owner of collector {} that it was paused: {}",
                paused.id(), e.toString());
        }
    }

    private void send(Collector paused) throws MessagingException, UsersRepositoryException {
        MailetContext context = mailetContext.get();
        MailAddress from = context.getPostmaster();
        MailAddress to = users.getMailAddressFor(paused.owner());
        MimeMessage message = message(writer.write(paused), from, to);
        Mail mail = MailImpl.builder()
            .name(MailImpl.getId())
            .sender(MaybeSender.nullSender())
            .addRecipient(to)
            .mimeMessage(message)
            .remoteAddr("127.0.0.1")
            .remoteHost("localhost")
            .build();
        try {
            context.sendMail(mail);
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    private MimeMessage message(PauseNotice notice, MailAddress from, MailAddress to)
        throws MessagingException {
        MimeMessage message = new NoticeMessage(from.getDomain().asString());
        message.setFrom(new InternetAddress(from.asString()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.asString()));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setText(notice.body(), StandardCharsets.UTF_8.name(), "plain");
        message.saveChanges();
        return message;
    }

    /** A message whose Message-ID names our domain, found without asking DNS for the host name. */
    private static final class NoticeMessage extends MimeMessage {
        private final String domain;

        NoticeMessage(String domain) {
            super(Session.getInstance(new Properties()));
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<collector-paused." + UUID.randomUUID() + "@" + domain + ">");
        }
    }
}
