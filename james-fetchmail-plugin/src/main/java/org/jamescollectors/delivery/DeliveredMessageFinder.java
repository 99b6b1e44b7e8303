package org.jamescollectors.delivery;

import java.util.Iterator;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mime4j.util.MimeUtil;
import org.jamescollectors.collect.CollectorId;

import reactor.core.publisher.Flux;

/**
 * Finds a message an interrupted run already handed to James, by the marker of our trace header
 * (see {@link TraceHeader}), in every folder of the owner: Sieve may have filed it anywhere.
 *
 * <p>Only the first {@code Received} header we wrote counts: a marker copied into a remote
 * message's own headers comes after ours and cannot fake a delivery. Blocking; call it from a
 * worker thread.
 */
public final class DeliveredMessageFinder {
    private final MailboxManager mailboxManager;

    @Inject
    public DeliveredMessageFinder(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /**
     * True when a folder of {@code owner} holds the message {@code messageKey} of
     * {@code collector}. Throws {@link IllegalStateException} when the mailboxes cannot be
     * searched, since neither answer would then be safe.
     */
    public boolean isAlreadyDelivered(Username owner, CollectorId collector, String messageKey) {
        String marker = TraceHeader.markerFor(collector, messageKey);
        MailboxSession session = mailboxManager.createSystemSession(owner);
        mailboxManager.startProcessingRequest(session);
        try {
            for (MailboxMetaData mailbox : mailboxes(session)) {
                if (holds(mailboxManager.getMailbox(mailbox.getId(), session), marker, session)) {
                    return true;
                }
            }
            return false;
        } catch (MailboxException | RuntimeException e) {
            throw new IllegalStateException("cannot search the mailboxes of " + owner.asString()
                + " for collected message " + messageKey + " of collector " + collector, e);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private List<MailboxMetaData> mailboxes(MailboxSession session) {
        return mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(), session)
            .collectList()
            .block();
    }

    private boolean holds(MessageManager mailbox, String marker, MailboxSession session)
            throws MailboxException {
        SearchQuery query = SearchQuery.of(SearchQuery.headerContains(TraceHeader.NAME, marker));
        List<MessageUid> uids = Flux.from(mailbox.search(query, session)).collectList().block();
        for (MessageUid uid : uids) {
            if (ourHeaderCarries(mailbox, uid, marker, session)) {
                return true;
            }
        }
        return false;
    }

    private boolean ourHeaderCarries(MessageManager mailbox, MessageUid uid, String marker,
                                     MailboxSession session) throws MailboxException {
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(uid),
            FetchGroup.HEADERS, session);
        while (results.hasNext()) {
            MessageResult result = results.next();
            if (firstTraceHeaderCarries(result.getHeaders().headers(), marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstTraceHeaderCarries(Iterator<Header> headers, String marker) {
        while (headers.hasNext()) {
            Header header = headers.next();
            if (TraceHeader.NAME.equalsIgnoreCase(header.getName())) {
                String value = MimeUtil.unfold(header.getValue());
                if (TraceHeader.isOurs(value)) {
                    return TraceHeader.isOursFor(value, marker);
                }
            }
        }
        return false;
    }
}
