package org.jamescollectors.manage;

import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;

import reactor.core.publisher.Mono;

/** Lists a user's mailboxes through James' mailbox manager, with a system session. */
public final class JamesUserFolders implements UserFolders {
    private final MailboxManager mailboxManager;

    @Inject
    public JamesUserFolders(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    @Override
    public List<String> topLevel(Username user) {
        MailboxSession session = mailboxManager.createSystemSession(user);
        mailboxManager.startProcessingRequest(session);
        try {
            char delimiter = session.getPathDelimiter();
            return mailboxManager.list(session).stream()
                .filter(path -> path.belongsTo(session)
                    && MailboxConstants.USER_NAMESPACE.equals(path.getNamespace()))
                .map(MailboxPath::getName)
                .filter(name -> name.indexOf(delimiter) < 0 && !name.equalsIgnoreCase("INBOX"))
                .sorted()
                .collect(Collectors.toList());
        } catch (MailboxException e) {
            throw new IllegalStateException("cannot list the mailboxes of a user", e);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    @Override
    public boolean exists(Username user, String folder) {
        MailboxSession session = mailboxManager.createSystemSession(user);
        mailboxManager.startProcessingRequest(session);
        try {
            return Boolean.TRUE.equals(Mono.from(mailboxManager.mailboxExists(
                MailboxPath.forUser(user, folder), session)).block());
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }
}
