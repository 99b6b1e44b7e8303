package org.jamescollectors.bench;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.inject.Inject;
import javax.mail.util.SharedFileInputStream;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.utils.UserDefinedStartable;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.store.Stores;

import reactor.core.publisher.Mono;

/**
 * The plugin's singletons and James' mailboxes as the harness needs them. James starts this like
 * any extension startable, in the plugin's injector, where James' probes cannot see.
 */
public final class BenchHooks implements UserDefinedStartable {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private static volatile BenchHooks current;

    private final Stores stores;
    private final CollectionScheduler scheduler;
    private final SecretCipher cipher;
    private final MailboxManager mailboxes;

    @Inject
    BenchHooks(Stores stores, CollectionScheduler scheduler, SecretCipher cipher,
               MailboxManager mailboxes) {
        this.stores = stores;
        this.scheduler = scheduler;
        this.cipher = cipher;
        this.mailboxes = mailboxes;
    }

    @Override
    public void start() {
        current = this;
    }

    static BenchHooks current() {
        if (current == null) {
            throw new IllegalStateException("James with the plugin has not started");
        }
        return current;
    }

    Stores stores() {
        return stores;
    }

    SecretCipher cipher() {
        return cipher;
    }

    /** A collector whose scheduled run is a day away: it runs when the harness asks. */
    Collector createCollector(String owner, RemoteAccount account, String password,
                              Optional<String> targetFolder) throws Exception {
        CollectorId id = CollectorId.random();
        Instant now = Instant.now();
        return stores.collectors().create(Collector.builder()
            .id(id)
            .owner(Username.of(owner))
            .name("bench " + id.asString().substring(0, 8))
            .account(account)
            .encryptedPassword(cipher.encrypt(id, Password.of(password)))
            .retention(Retention.fetchAll())
            .targetFolder(targetFolder)
            .createdAt(now)
            .nextRunAt(now.plus(Duration.ofDays(1)))
            .build());
    }

    /** Runs the collector now and returns its finished run. */
    Run runNow(CollectorId id) throws Exception {
        Run started = scheduler.runNow(id)
            .orElseThrow(() -> new IllegalStateException("collector " + id + " did not start"));
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (scheduler.runningRun(id).isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("run of " + id + " still going after "
                    + RUN_TIMEOUT);
            }
            Thread.sleep(5);
        }
        return stores.runs().find(id, started.id()).orElseThrow();
    }

    void createFolder(String user, String folder) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MailboxPath path = MailboxPath.forUser(Username.of(user), folder);
        if (!Mono.from(mailboxes.mailboxExists(path, session)).block()) {
            mailboxes.createMailbox(path, session);
        }
    }

    /** Deletes the folder with its messages, so that James' memory holds one contender only. */
    void deleteFolder(String user, String folder) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MailboxPath path = MailboxPath.forUser(Username.of(user), folder);
        if (Mono.from(mailboxes.mailboxExists(path, session)).block()) {
            emptyFolder(user, folder);
            mailboxes.deleteMailbox(path, session);
        }
    }

    /**
     * Deletes the folder's messages, if it exists. James' memory mailbox forgets a deleted
     * folder but keeps its messages in the heap; deleted messages it does let go.
     */
    void emptyFolder(String user, String folder) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MailboxPath path = MailboxPath.forUser(Username.of(user), folder);
        if (!Mono.from(mailboxes.mailboxExists(path, session)).block()) {
            return;
        }
        MessageManager mailbox = mailboxes.getMailbox(path, session);
        List<MessageUid> uids = new ArrayList<>();
        mailbox.getMessages(MessageRange.all(), FetchGroup.MINIMAL, session)
            .forEachRemaining(message -> uids.add(message.getUid()));
        mailbox.delete(uids, session);
    }

    /** How many messages the folder holds (0 when it does not exist). */
    long count(String user, String folder) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MailboxPath path = MailboxPath.forUser(Username.of(user), folder);
        if (!Mono.from(mailboxes.mailboxExists(path, session)).block()) {
            return 0;
        }
        return mailboxes.getMailbox(path, session).getMessageCount(session);
    }

    /** Appends each file to the folder, through the mailbox API: James storing, no network. */
    void append(String user, String folder, List<Path> files) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MessageManager mailbox = mailboxes.getMailbox(
            MailboxPath.forUser(Username.of(user), folder), session);
        for (Path file : files) {
            SharedFileInputStream in = new SharedFileInputStream(file.toFile());
            try {
                mailbox.appendMessage(MessageManager.AppendCommand.from(in), session);
            } finally {
                in.close();
            }
        }
    }

    /** Hands the full content of each message of the folder, if it exists, to the action. */
    void forEachMessage(String user, String folder, Consumer<byte[]> action) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MailboxPath path = MailboxPath.forUser(Username.of(user), folder);
        if (!Mono.from(mailboxes.mailboxExists(path, session)).block()) {
            return;
        }
        Iterator<MessageResult> results = mailboxes.getMailbox(path, session)
            .getMessages(MessageRange.all(), FetchGroup.FULL_CONTENT, session);
        while (results.hasNext()) {
            try (InputStream in = results.next().getFullContent().getInputStream()) {
                action.accept(in.readAllBytes());
            }
        }
    }

    /** Hands each message of the folder, if it exists, to the reader as a stream. */
    void readEachMessage(String user, String folder, MessageReader reader) throws Exception {
        MailboxSession session = mailboxes.createSystemSession(Username.of(user));
        MailboxPath path = MailboxPath.forUser(Username.of(user), folder);
        if (!Mono.from(mailboxes.mailboxExists(path, session)).block()) {
            return;
        }
        Iterator<MessageResult> results = mailboxes.getMailbox(path, session)
            .getMessages(MessageRange.all(), FetchGroup.FULL_CONTENT, session);
        while (results.hasNext()) {
            Content content = results.next().getFullContent();
            try (InputStream in = content.getInputStream()) {
                reader.read(in, content.size());
            }
        }
    }

    /** Reads one stored message without holding it whole. */
    interface MessageReader {
        void read(InputStream content, long size) throws Exception;
    }
}
