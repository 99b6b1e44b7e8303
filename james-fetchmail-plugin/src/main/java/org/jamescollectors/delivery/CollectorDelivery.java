package org.jamescollectors.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.exception.OverQuotaException;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * The last mailet of the {@code collected} processor: stores a collected mail in its owner's
 * mailbox, records where (or why not) for {@link CollectedMailSubmitter}, and ends the mail.
 *
 * <p>The folder is the collector's target folder when it exists at the top level of the owner's
 * mailbox; otherwise the folder a Sieve {@code fileinto} chose (created if needed, as James'
 * {@code LocalDelivery} does), otherwise the Inbox. A target folder is never created. Flags from
 * storage directives are applied, and the message keeps its date: the remote INTERNALDATE, else
 * its {@code Date} header, else now.
 *
 * <p>A failure to store (over quota, storage error) is recorded, never bounced: collected mail
 * was not sent to this server, and answering its sender would be backscatter.
 */
public final class CollectorDelivery extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorDelivery.class);

    private final MailboxManager mailboxManager;
    private final UsersRepository usersRepository;
    private final TargetFolders targetFolders;
    private final Clock clock;

    @Inject
    public CollectorDelivery(MailboxManager mailboxManager, UsersRepository usersRepository) {
        this.mailboxManager = mailboxManager;
        this.usersRepository = usersRepository;
        this.targetFolders = new TargetFolders(mailboxManager);
        this.clock = Clock.systemUTC();
    }

    @Override
    public String getMailetInfo() {
        return "Stores collected mail in its owner's mailbox";
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Username owner = CollectedMailAttributes.owner(mail)
            .orElseThrow(() -> new MessagingException(getClass().getSimpleName()
                + " only delivers collected mail, and " + mail.getName() + " is not"));
        try {
            String folder = store(mail, owner);
            CollectedMailAttributes.set(mail, CollectedMailAttributes.STORED_IN, folder);
        } catch (OverQuotaException e) {
            CollectedMailAttributes.set(mail, CollectedMailAttributes.OVER_QUOTA, "true");
            recordFailure(mail, owner, "the mailbox of " + owner.asString() + " is over quota", e);
        } catch (MailboxException | MessagingException | UsersRepositoryException
                 | RuntimeException e) {
            recordFailure(mail, owner, "cannot store in the mailbox of " + owner.asString()
                + ": " + e, e);
        }
        mail.setState(Mail.GHOST);
    }

    private void recordFailure(Mail mail, Username owner, String reason, Exception e) {
        LOGGER.warn("Collected mail {} for {} not stored: {}", mail.getName(), owner.asString(),
            reason, e);
        CollectedMailAttributes.set(mail, CollectedMailAttributes.FAILURE, reason);
    }

    private String store(Mail mail, Username owner)
            throws MailboxException, MessagingException, UsersRepositoryException {
        Optional<String> target = targetFolders.existing(owner,
            CollectedMailAttributes.targetFolder(mail));
        StorageDirective directive = StorageDirective.fromMail(owner, mail);
        String folder = target.orElseGet(() -> directiveFolder(directive));
        MailboxSession session = mailboxManager.createSystemSession(owner);
        mailboxManager.startProcessingRequest(session);
        try {
            MailboxPath path = MailboxPath.forUser(owner, folder);
            MessageManager mailbox = target.isPresent()
                ? mailboxManager.getMailbox(path, session) : openOrCreate(path, session);
            StoredContent content = new StoredContent(recipientHeaders(mail, owner),
                mail.getMessage());
            mailbox.appendMessage(appendCommand(mail, directive).build(content), session);
            return folder;
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    /** The folder Sieve chose, as a mailbox name: {@code /} between levels becomes James' own. */
    private static String directiveFolder(StorageDirective directive) {
        String name = directive.getTargetFolder().orElse(MailboxConstants.INBOX)
            .replace('/', MailboxConstants.DEFAULT_DELIMITER);
        while (!name.isEmpty() && name.charAt(0) == MailboxConstants.DEFAULT_DELIMITER) {
            name = name.substring(1);
        }
        if (name.isEmpty() || MailboxConstants.INBOX.equalsIgnoreCase(name)) {
            return MailboxConstants.INBOX;
        }
        return name;
    }

    private MessageManager openOrCreate(MailboxPath path, MailboxSession session)
            throws MailboxException {
        if (!Boolean.TRUE.equals(Mono.from(mailboxManager.mailboxExists(path, session)).block())) {
            try {
                mailboxManager.createMailbox(path, MailboxManager.CreateOption.CREATE_SUBSCRIPTION,
                    session);
            } catch (MailboxExistsException e) {
                LOGGER.debug("Mailbox {} was created concurrently", path.asString());
            }
        }
        return mailboxManager.getMailbox(path, session);
    }

    private MessageManager.AppendCommand.Builder appendCommand(Mail mail,
                                                               StorageDirective directive) {
        MessageManager.AppendCommand.Builder command = MessageManager.AppendCommand.builder()
            .withInternalDate(deliveryDate(mail))
            .recent()
            .delivery();
        return directive.getFlags().map(command::withFlags).orElse(command);
    }

    private Date deliveryDate(Mail mail) {
        return CollectedMailAttributes.internalDate(mail)
            .map(Date::from)
            .or(() -> sentDate(mail))
            .orElseGet(() -> Date.from(clock.instant()));
    }

    private static Optional<Date> sentDate(Mail mail) {
        try {
            return Optional.ofNullable(mail.getMessage().getSentDate());
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    /** Header lines James' mailets asked for this owner only (AddDeliveredToHeader, say). */
    private byte[] recipientHeaders(Mail mail, Username owner) throws UsersRepositoryException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        PerRecipientHeaders headers = mail.getPerRecipientSpecificHeaders();
        for (MailAddress recipient : headers.getRecipientsWithSpecificHeaders()) {
            if (usersRepository.getUsername(recipient).equals(owner)) {
                headers.getHeadersForRecipient(recipient).forEach(header -> lines.writeBytes(
                    (header.getName() + ": " + header.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
        return lines.toByteArray();
    }
}
