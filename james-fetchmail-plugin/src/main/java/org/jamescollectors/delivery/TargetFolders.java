package org.jamescollectors.delivery;

import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;

import reactor.core.publisher.Mono;

/** Tells whether a collector's target folder is usable: a top-level folder that exists now. */
final class TargetFolders {
    private final MailboxManager mailboxManager;

    TargetFolders(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /**
     * The mailbox name to deliver {@code owner}'s mail to, when {@code folder} names an existing
     * top-level folder; empty otherwise (mail then goes to the Inbox, through Sieve).
     */
    Optional<String> existing(Username owner, Optional<String> folder) {
        return folder.map(TargetFolders::canonical)
            .filter(name -> name.indexOf(MailboxConstants.DEFAULT_DELIMITER) < 0)
            .filter(name -> exists(owner, name));
    }

    private static String canonical(String folder) {
        return MailboxConstants.INBOX.equalsIgnoreCase(folder) ? MailboxConstants.INBOX : folder;
    }

    private boolean exists(Username owner, String name) {
        MailboxSession session = mailboxManager.createSystemSession(owner);
        mailboxManager.startProcessingRequest(session);
        try {
            MailboxPath path = MailboxPath.forUser(owner, name);
            return Boolean.TRUE.equals(
                Mono.from(mailboxManager.mailboxExists(path, session)).block());
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }
}
