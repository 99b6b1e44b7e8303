package org.jamescollectors.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Provider;
import javax.mail.Flags;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.server.core.MailImpl;
import org.apache.james.utils.GuiceProbe;
import org.apache.mailet.MailetContext;
import org.jamescollectors.collect.CollectorId;

/**
 * Reaches, from the tests, the delivery classes and the mailboxes of a James booted in the JVM.
 * Everything comes through providers: James creates probes early, and creating its mailet
 * container that early would start it before the mail repositories it needs.
 */
public class DeliveryProbe implements GuiceProbe {
    private final Provider<CollectedMailSubmitter> submitter;
    private final Provider<DeliveredMessageFinder> finder;
    private final Provider<CollectedProcessorCheck> processorCheck;
    private final Provider<MailboxManager> mailboxManager;
    private final Provider<MailetContext> mailetContext;

    @Inject
    public DeliveryProbe(Provider<CollectedMailSubmitter> submitter,
                         Provider<DeliveredMessageFinder> finder,
                         Provider<CollectedProcessorCheck> processorCheck,
                         Provider<MailboxManager> mailboxManager,
                         Provider<MailetContext> mailetContext) {
        this.submitter = submitter;
        this.finder = finder;
        this.processorCheck = processorCheck;
        this.mailboxManager = mailboxManager;
        this.mailetContext = mailetContext;
    }

    public DeliveryOutcome submit(CollectedMessage message) {
        return submitter.get().submit(message);
    }

    public boolean isAlreadyDelivered(Username owner, CollectorId collector, String messageKey) {
        return finder.get().isAlreadyDelivered(owner, collector, messageKey);
    }

    public Optional<String> processorProblem() {
        return processorCheck.get().problem();
    }

    /** The folders of {@code user}, by name. */
    public List<String> folders(Username user) throws Exception {
        MailboxSession session = mailboxManager.get().createSystemSession(user);
        MailboxQuery query = MailboxQuery.privateMailboxesBuilder(session).build();
        return mailboxManager.get().search(query, session)
            .map(MailboxMetaData::getPath)
            .map(MailboxPath::getName)
            .collect(Collectors.toList())
            .block();
    }

    /** The messages in one folder of {@code user}; none when the folder does not exist. */
    public List<StoredMessage> messages(Username user, String folder) throws Exception {
        MailboxSession session = mailboxManager.get().createSystemSession(user);
        MessageManager mailbox;
        try {
            mailbox = mailboxManager.get().getMailbox(MailboxPath.forUser(user, folder), session);
        } catch (MailboxNotFoundException e) {
            return List.of();
        }
        return read(mailbox.getMessages(MessageRange.all(), FetchGroup.FULL_CONTENT, session));
    }

    /** Every message of {@code user}, whatever the folder. */
    public List<StoredMessage> allMessages(Username user) throws Exception {
        List<StoredMessage> all = new ArrayList<>();
        for (String folder : folders(user)) {
            all.addAll(messages(user, folder));
        }
        return all;
    }

    private static List<StoredMessage> read(MessageResultIterator results)
            throws MailboxException, IOException {
        List<StoredMessage> messages = new ArrayList<>();
        while (results.hasNext()) {
            MessageResult result = results.next();
            try (InputStream content = result.getFullContent().getInputStream()) {
                messages.add(new StoredMessage(content.readAllBytes(), result.getInternalDate(),
                    result.getFlags()));
            }
        }
        return messages;
    }

    /** Sends a small mail through James' spool, as a mailet would. */
    public void sendThroughSpool(String subject, MailAddress recipient) throws Exception {
        MailImpl mail = MailImpl.builder()
            .name("sentinel-" + MailImpl.getId())
            .sender(MaybeSender.nullSender())
            .addRecipient(recipient)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .setSubject(subject)
                .setText("sentinel")
                .build())
            .build();
        try {
            mailetContext.get().sendMail(mail);
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    /** A message as the mailbox holds it. */
    public static final class StoredMessage {
        private final byte[] bytes;
        private final Date internalDate;
        private final Flags flags;

        StoredMessage(byte[] bytes, Date internalDate, Flags flags) {
            this.bytes = bytes;
            this.internalDate = internalDate;
            this.flags = flags;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        public Date internalDate() {
            return internalDate;
        }

        public Flags flags() {
            return flags;
        }
    }
}
