package org.jamescollectors.it;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.utils.GuiceProbe;

import reactor.core.publisher.Mono;

/** Reads what James stored, byte for byte, so tests can compare it with what the remote served. */
public final class MailboxContentProbe implements GuiceProbe {
    /** One stored message: its bytes and its internal date. */
    public static final class StoredMessage {
        private final byte[] content;
        private final Date internalDate;

        StoredMessage(byte[] content, Date internalDate) {
            this.content = content;
            this.internalDate = internalDate;
        }

        public byte[] content() {
            return content.clone();
        }

        public Date internalDate() {
            return internalDate;
        }
    }

    private final MailboxManager mailboxManager;

    @Inject
    public MailboxContentProbe(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /** The messages of one of the user's folders, oldest first; empty when it does not exist. */
    public List<StoredMessage> messages(String user, String folder) throws Exception {
        Username username = Username.of(user);
        MailboxSession session = mailboxManager.createSystemSession(username);
        MailboxPath path = MailboxPath.forUser(username, folder);
        List<StoredMessage> messages = new ArrayList<>();
        if (!Mono.from(mailboxManager.mailboxExists(path, session)).block()) {
            return messages;
        }
        MessageManager mailbox = mailboxManager.getMailbox(path, session);
        Iterator<MessageResult> results = mailbox.getMessages(MessageRange.all(),
            FetchGroup.FULL_CONTENT, session);
        while (results.hasNext()) {
            MessageResult result = results.next();
            try (InputStream in = result.getFullContent().getInputStream()) {
                messages.add(new StoredMessage(in.readAllBytes(), result.getInternalDate()));
            }
        }
        return messages;
    }

    /** Every folder of the user with its message count. */
    public Map<String, Integer> counts(String user) throws Exception {
        Username username = Username.of(user);
        MailboxSession session = mailboxManager.createSystemSession(username);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<MailboxMetaData> folders = mailboxManager.search(
            MailboxQuery.privateMailboxesBuilder(session).matchesAllMailboxNames().build(),
            session).collectList().block();
        for (MailboxMetaData folder : folders) {
            String name = folder.getPath().getName();
            counts.put(name, messages(user, name).size());
        }
        return counts;
    }

    /** Creates a top-level folder of the user. */
    public void createFolder(String user, String folder) throws Exception {
        Username username = Username.of(user);
        MailboxSession session = mailboxManager.createSystemSession(username);
        mailboxManager.createMailbox(MailboxPath.forUser(username, folder), session);
    }
}
