package org.jamescollectors.testing.james;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.utils.GuiceProbe;

/** Reads, from the tests, what a user of the James booted in the JVM has in their Inbox. */
public class InboxProbe implements GuiceProbe {
    private final Provider<MailboxManager> mailboxManager;

    @Inject
    public InboxProbe(Provider<MailboxManager> mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /** The raw messages of {@code user}'s Inbox, oldest first; none when it does not exist. */
    public List<byte[]> inbox(Username user) throws Exception {
        MailboxSession session = mailboxManager.get().createSystemSession(user);
        MessageManager inbox;
        try {
            inbox = mailboxManager.get().getMailbox(MailboxPath.inbox(user), session);
        } catch (MailboxNotFoundException e) {
            return List.of();
        }
        List<byte[]> messages = new ArrayList<>();
        MessageResultIterator results = inbox.getMessages(MessageRange.all(),
            FetchGroup.FULL_CONTENT, session);
        while (results.hasNext()) {
            MessageResult result = results.next();
            try (InputStream content = result.getFullContent().getInputStream()) {
                messages.add(content.readAllBytes());
            }
        }
        return messages;
    }
}
