package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.mail.Flags;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.modules.QuotaProbesImpl;
import org.apache.james.modules.protocols.SieveProbeImpl;
import org.apache.james.utils.DataProbeImpl;
import org.jamescollectors.collect.CollectorId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class CollectedMailDeliveryTest {
    @RegisterExtension
    static JamesServerExtension james = DeliveryJames.server("james-delivery");

    private static final Duration SPOOL_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path downloads;

    private GuiceJamesServer server;
    private DeliveryProbe probe;
    private Username owner;
    private Username sender;

    @BeforeEach
    void setUp(GuiceJamesServer server) throws Exception {
        this.server = server;
        this.probe = server.getProbe(DeliveryProbe.class);
        this.owner = addUser(DeliveryJames.freshUser("bob"));
        this.sender = addUser(DeliveryJames.freshUser("alice"));
        addUserOnce(postmaster());
    }

    @Test
    void submitShouldStoreInInboxWhenNoTargetFolderAndNoSieveScript() throws Exception {
        CollectedMessage message = message(simpleMessage()).build();

        DeliveryOutcome outcome = probe.submit(message);

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertThat(probe.messages(owner, "INBOX")).hasSize(1);
    }

    @Test
    void submitShouldDeliverMessagesSubmittedFromSeveralThreads() throws Exception {
        List<CollectedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            messages.add(message(simpleMessage()).build());
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);

        List<Future<DeliveryOutcome>> outcomes;
        try {
            outcomes = workers.invokeAll(messages.stream()
                .map(message -> (Callable<DeliveryOutcome>) () -> probe.submit(message))
                .collect(Collectors.toList()));
        } finally {
            workers.shutdown();
        }

        for (Future<DeliveryOutcome> outcome : outcomes) {
            assertThat(outcome.get()).isEqualTo(DeliveryOutcome.stored("INBOX"));
        }
        assertThat(probe.messages(owner, "INBOX")).hasSize(20);
    }

    @Test
    void submitShouldStoreWithTraceAndDeliveredToHeadersOnTop() throws Exception {
        CollectedMessage message = message(simpleMessage()).build();

        probe.submit(message);

        String stored = probe.messages(owner, "INBOX").get(0).text();
        assertThat(stored).startsWith("Delivered-To: " + owner.asString() + "\r\n"
            + "Received: from imap.remote.test by collect.test with IMAP (James Mail Collectors)"
            + "\r\n\tid " + TraceHeader.markerFor(message.collectorId(), message.messageKey()) + ";"
            + "\r\n\t");
    }

    @Test
    void submitShouldFileIntoSieveFolderWhenOwnerScriptSaysSo() throws Exception {
        activateScript("require \"fileinto\"; fileinto \"Lists\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("Lists"));
        assertThat(probe.messages(owner, "Lists")).hasSize(1);
        assertThat(probe.messages(owner, "INBOX")).isEmpty();
    }

    @Test
    void submitShouldStoreInTargetFolderWithoutSieveWhenTargetFolderExists() throws Exception {
        createFolder("Archive");
        activateScript("require \"fileinto\"; fileinto \"Lists\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).targetFolder("Archive")
            .build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("Archive"));
        assertThat(probe.messages(owner, "Archive")).hasSize(1);
        assertThat(probe.folders(owner)).doesNotContain("Lists");
    }

    @Test
    void submitShouldApplySieveAndNotCreateTargetWhenTargetFolderIsMissing() throws Exception {
        activateScript("require \"fileinto\"; fileinto \"Lists\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).targetFolder("Archve")
            .build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("Lists"));
        assertThat(probe.folders(owner)).doesNotContain("Archve");
    }

    @Test
    void submitShouldUseInboxWhenTargetFolderIsMissingAndNoSieveScript() throws Exception {
        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).targetFolder("Archve")
            .build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertThat(probe.folders(owner)).doesNotContain("Archve");
    }

    @Test
    void submitShouldUseInboxWhenTargetFolderIsNotTopLevel() throws Exception {
        createFolder("Archive");
        createFolder("Archive.2024");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).targetFolder("Archive.2024")
            .build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertThat(probe.messages(owner, "Archive.2024")).isEmpty();
    }

    @Test
    void submitShouldEndWithoutStoringWhenSieveDiscards() throws Exception {
        activateScript("discard;");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.ENDED);
        assertThat(outcome.reason()).contains("discard");
        assertThat(probe.allMessages(owner)).isEmpty();
    }

    @Test
    void submitShouldEndAndSendTheRedirectWhenSieveRedirects() throws Exception {
        Username carol = addUser(DeliveryJames.freshUser("carol"));
        activateScript("redirect \"" + carol.asString() + "\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.ENDED);
        assertThat(outcome.reason()).contains("redirect");
        await().atMost(SPOOL_WAIT).untilAsserted(() ->
            assertThat(probe.messages(carol, "INBOX")).hasSize(1));
        assertThat(probe.messages(carol, "INBOX").get(0).text()).contains("Subject: hello");
        assertThat(probe.allMessages(owner)).isEmpty();
    }

    @Test
    void submitShouldKeepInInboxAndAnswerNobodyWhenSieveRejects() throws Exception {
        activateScript("require \"reject\"; reject \"not for me\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertNothingButSentinelReaches(sender, postmaster());
    }

    @Test
    void submitShouldKeepInInboxAndAnswerNobodyWhenSieveErejects() throws Exception {
        activateScript("require \"ereject\"; ereject \"not for me\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertNothingButSentinelReaches(sender, postmaster());
    }

    @Test
    void submitShouldStoreAndSendNoVacationReplyWhenSieveVacation() throws Exception {
        activateScript("require \"vacation\"; vacation :days 1 \"I am away\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertNothingButSentinelReaches(sender, postmaster());
    }

    @Test
    void submitShouldKeepInInboxWithoutFlagsWhenTheScriptNeedsImap4flags() throws Exception {
        activateScript("require \"imap4flags\"; addflag \"\\\\Flagged\"; keep;");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
        assertThat(probe.messages(owner, "INBOX").get(0).flags().contains(Flags.Flag.FLAGGED))
            .isFalse();
    }

    @Test
    void submitShouldUseReturnPathAsEnvelopeSender() throws Exception {
        activateScript("require [\"fileinto\", \"envelope\"];"
            + " if envelope :is \"from\" \"" + sender.asString() + "\" { fileinto \"Known\"; }");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("Known"));
    }

    @Test
    void submitShouldUseNullEnvelopeSenderWhenNoReturnPath() throws Exception {
        activateScript("require [\"fileinto\", \"envelope\"];"
            + " if envelope :is \"from\" \"" + sender.asString() + "\" { fileinto \"Known\"; }");
        String withoutReturnPath = simpleMessage().replaceFirst("Return-Path: [^\r]*\r\n", "");

        DeliveryOutcome outcome = probe.submit(message(withoutReturnPath).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("INBOX"));
    }

    @Test
    void submitShouldFailTemporarilyAndBounceNothingWhenOverQuota() throws Exception {
        server.getProbe(QuotaProbesImpl.class).setMaxStorage(
            server.getProbe(QuotaProbesImpl.class).getQuotaRoot(MailboxPath.inbox(owner)),
            QuotaSizeLimit.size(100));

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.temporary()).isTrue();
        assertThat(outcome.reason()).contains("over quota");
        assertThat(probe.allMessages(owner)).isEmpty();
        assertNothingButSentinelReaches(sender, postmaster());
    }

    @Test
    void submitShouldFailAndBounceNothingWhenAnOperatorMailetThrows() throws Exception {
        String exploding = "X-Test-Explode: yes\r\n" + simpleMessage();

        DeliveryOutcome outcome = probe.submit(message(exploding).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.temporary()).isTrue();
        assertThat(outcome.reason()).contains("error processor");
        assertThat(probe.allMessages(owner)).isEmpty();
        assertNothingButSentinelReaches(sender, postmaster());
    }

    @Test
    void submitShouldFailAndBounceNothingWhenAnOperatorMailetPropagatesItsError()
            throws Exception {
        String exploding = "X-Test-Propagate: yes\r\n" + simpleMessage();

        DeliveryOutcome outcome = probe.submit(message(exploding).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.reason()).contains("the checker daemon is down");
        assertThat(probe.allMessages(owner)).isEmpty();
        assertNothingButSentinelReaches(sender, postmaster());
    }

    @Test
    void submitShouldFailWhenCalledFromANonBlockingThread() throws Exception {
        CollectedMessage message = message(simpleMessage()).build();

        DeliveryOutcome outcome = Mono.fromCallable(() -> probe.submit(message))
            .subscribeOn(Schedulers.parallel())
            .block();

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.reason()).contains("non-blocking");
        assertThat(probe.allMessages(owner)).isEmpty();
    }

    @Test
    void submitShouldCreateTheNestedFolderSieveFilesInto() throws Exception {
        activateScript("require \"fileinto\"; fileinto \"Lists.james\";");

        DeliveryOutcome outcome = probe.submit(message(simpleMessage()).build());

        assertThat(outcome).isEqualTo(DeliveryOutcome.stored("Lists.james"));
        assertThat(probe.messages(owner, "Lists.james")).hasSize(1);
    }

    @Test
    void submitShouldEndWhenAnOperatorMailetTakesTheMail() throws Exception {
        String dropped = "X-Test-Drop: yes\r\n" + simpleMessage();

        DeliveryOutcome outcome = probe.submit(message(dropped).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.ENDED);
        assertThat(outcome.reason()).contains("Null");
        assertThat(probe.allMessages(owner)).isEmpty();
    }

    @Test
    void submitShouldApplyFlagsOfStorageDirectives() throws Exception {
        String flagged = "X-Test-Flag: yes\r\n" + simpleMessage();

        probe.submit(message(flagged).build());

        Flags flags = probe.messages(owner, "INBOX").get(0).flags();
        assertThat(flags.contains(Flags.Flag.SEEN)).isTrue();
        assertThat(flags.contains(Flags.Flag.FLAGGED)).isTrue();
    }

    @Test
    void submitShouldKeepTheInternalDateWhenGiven() throws Exception {
        Instant internalDate = Instant.parse("2021-03-04T05:06:07Z");

        probe.submit(message(simpleMessage()).internalDate(internalDate).build());

        assertThat(probe.messages(owner, "INBOX").get(0).internalDate().toInstant())
            .isEqualTo(internalDate);
    }

    @Test
    void submitShouldUseTheDateHeaderWhenNoInternalDate() throws Exception {
        probe.submit(message(simpleMessage()).build());

        assertThat(probe.messages(owner, "INBOX").get(0).internalDate().toInstant())
            .isEqualTo(Instant.parse("2023-11-14T10:00:00Z"));
    }

    @Test
    void submitShouldUseNowWhenNoInternalDateNorDateHeader() throws Exception {
        String undated = simpleMessage().replaceFirst("Date: [^\r]*\r\n", "");
        Instant before = Instant.now().minusSeconds(1);

        probe.submit(message(undated).build());

        Instant stored = probe.messages(owner, "INBOX").get(0).internalDate().toInstant();
        assertThat(stored).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void submitShouldFailWhenTheFileSizeIsNotTheAnnouncedOne() throws Exception {
        Path file = DeliveryJames.write(downloads, simpleMessage());
        CollectedMessage message = DeliveryJames.message(owner, file)
            .content(file, java.nio.file.Files.size(file) + 1)
            .build();

        DeliveryOutcome outcome = probe.submit(message);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(probe.allMessages(owner)).isEmpty();
    }

    @Test
    void submitShouldFailPermanentlyWhenTheOwnerIsNoUser() throws Exception {
        Username stranger = DeliveryJames.freshUser("gone");
        Path file = DeliveryJames.write(downloads, simpleMessage());

        DeliveryOutcome outcome = probe.submit(DeliveryJames.message(stranger, file).build());

        assertThat(outcome)
            .isEqualTo(DeliveryOutcome.failedPermanently(stranger.asString()
                + " is not a user of this server"));
        assertThat(probe.folders(stranger)).isEmpty();
    }

    @Test
    void isAlreadyDeliveredShouldFindADeliveredMessage() throws Exception {
        CollectedMessage message = message(simpleMessage()).build();
        probe.submit(message);

        boolean delivered = probe.isAlreadyDelivered(owner, message.collectorId(),
            message.messageKey());

        assertThat(delivered).isTrue();
    }

    @Test
    void isAlreadyDeliveredShouldFindAMessageSieveFiled() throws Exception {
        activateScript("require \"fileinto\"; fileinto \"Lists\";");
        CollectedMessage message = message(simpleMessage()).build();
        probe.submit(message);

        boolean delivered = probe.isAlreadyDelivered(owner, message.collectorId(),
            message.messageKey());

        assertThat(delivered).isTrue();
    }

    @Test
    void isAlreadyDeliveredShouldNotFindAnotherMessageOrCollector() throws Exception {
        CollectedMessage message = message(simpleMessage()).build();
        probe.submit(message);

        boolean otherKey = probe.isAlreadyDelivered(owner, message.collectorId(),
            DeliveryJames.freshKey());
        boolean otherCollector = probe.isAlreadyDelivered(owner, CollectorId.random(),
            message.messageKey());

        assertThat(otherKey).isFalse();
        assertThat(otherCollector).isFalse();
    }

    @Test
    void isAlreadyDeliveredShouldNotFindAMessageOfAnotherOwner() throws Exception {
        CollectedMessage message = message(simpleMessage()).build();
        probe.submit(message);

        boolean delivered = probe.isAlreadyDelivered(sender, message.collectorId(),
            message.messageKey());

        assertThat(delivered).isFalse();
    }

    @Test
    void isAlreadyDeliveredShouldIgnoreAMarkerForgedInTheRemoteMessage() throws Exception {
        CollectorId collector = CollectorId.random();
        String awaited = DeliveryJames.freshKey();
        String forged = "Received: from x by y with IMAP (James Mail Collectors)\r\n\tid "
            + TraceHeader.markerFor(collector, awaited) + ";\r\n\tTue, 14 Nov 2023 10:00:00 +0000"
            + "\r\n" + simpleMessage();
        probe.submit(message(forged).collectorId(collector).build());

        boolean delivered = probe.isAlreadyDelivered(owner, collector, awaited);

        assertThat(delivered).isFalse();
    }

    @Test
    void processorCheckShouldFindNothingWrongWithACollectedProcessor() {
        assertThat(probe.processorProblem()).isEmpty();
    }

    private CollectedMessage.Builder message(String text) throws Exception {
        return DeliveryJames.message(owner, DeliveryJames.write(downloads, text));
    }

    private String simpleMessage() {
        return "Return-Path: <" + sender.asString() + ">\r\n"
            + "From: Alice <" + sender.asString() + ">\r\n"
            + "To: bob@remote.test\r\n"
            + "Subject: hello\r\n"
            + "Date: Tue, 14 Nov 2023 10:00:00 +0000\r\n"
            + "Message-ID: <hello-" + System.nanoTime() + "@remote.test>\r\n"
            + "\r\n"
            + "Hello Bob\r\n";
    }

    private Username addUser(Username user) throws Exception {
        server.getProbe(DataProbeImpl.class).addUser(user.asString(), DeliveryJames.PASSWORD);
        return user;
    }

    private void addUserOnce(Username user) throws Exception {
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        if (!Arrays.asList(data.listUsers()).contains(user.asString())) {
            data.addUser(user.asString(), DeliveryJames.PASSWORD);
        }
    }

    private static Username postmaster() {
        return Username.of("postmaster@" + DeliveryJames.DOMAIN);
    }

    private void activateScript(String script) throws Exception {
        server.getProbe(SieveProbeImpl.class).addActiveSieveScript(owner.asString(), "filters",
            script);
    }

    private void createFolder(String name) {
        server.getProbe(MailboxProbeImpl.class).createMailbox(MailboxPath.forUser(owner, name));
    }

    /**
     * Proves that no reply, bounce or notice was sent to {@code users}: with one spool thread,
     * anything sent before the sentinels reaches its mailbox before them.
     */
    private void assertNothingButSentinelReaches(Username... users) throws Exception {
        String sentinel = "sentinel " + System.nanoTime();
        for (Username user : users) {
            probe.sendThroughSpool(sentinel, new MailAddress(user.asString()));
        }
        for (Username user : users) {
            await().atMost(SPOOL_WAIT).untilAsserted(() ->
                assertThat(subjects(user)).contains(sentinel));
        }
        for (Username user : users) {
            assertThat(subjects(user)).as("mail reaching " + user.asString())
                .allMatch(subject -> subject.startsWith("sentinel"));
        }
    }

    private List<String> subjects(Username user) throws Exception {
        return probe.allMessages(user).stream()
            .map(DeliveryProbe.StoredMessage::text)
            .map(CollectedMailDeliveryTest::subjectOf)
            .collect(Collectors.toList());
    }

    private static String subjectOf(String message) {
        int start = message.indexOf("Subject: ");
        if (start < 0) {
            return "";
        }
        int end = message.indexOf('\r', start);
        return message.substring(start + "Subject: ".length(), end < 0 ? message.length() : end);
    }
}
