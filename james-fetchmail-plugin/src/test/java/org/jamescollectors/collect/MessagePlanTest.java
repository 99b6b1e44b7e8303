package org.jamescollectors.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jamescollectors.collect.MessagePlan.Step;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.store.FetchStateStore.Status;
import org.junit.jupiter.api.Test;

class MessagePlanTest {
    private static final MessagePlan.Limits ROOMY = MessagePlan.Limits.of(1000, 100, 100_000);
    private static final RemoteMessage READ = RemoteMessage.imap(7, 1, 10, true, Optional.empty());
    private static final RemoteMessage UNREAD =
        RemoteMessage.imap(7, 2, 10, false, Optional.empty());
    private static final RemoteMessage POP_A = RemoteMessage.pop3("a", 10);
    private static final RemoteMessage POP_B = RemoteMessage.pop3("b", 10);

    @Test
    void fetchAllShouldTakeReadAndUnreadMessages() {
        MessagePlan plan = MessagePlan.of(List.of(READ, UNREAD), Map.of(), Protocol.IMAP,
            Retention.fetchAll(), ROOMY);

        assertThat(steps(plan)).containsExactly(tuple(READ, Step.DELIVER),
            tuple(UNREAD, Step.DELIVER));
    }

    @Test
    void newOnlyShouldSkipReadImapMessages() {
        MessagePlan plan = MessagePlan.of(List.of(READ, UNREAD), Map.of(), Protocol.IMAP,
            Retention.newOnly(false), ROOMY);

        assertThat(steps(plan)).containsExactly(tuple(UNREAD, Step.DELIVER));
    }

    @Test
    void newOnlyShouldSkipWhatWasCollectedWhenACopyIsKept() {
        MessagePlan plan = MessagePlan.of(List.of(POP_A, POP_B),
            Map.of(POP_A.key(), Status.COLLECTED),
            Protocol.POP3, Retention.newOnly(false), ROOMY);

        assertThat(steps(plan)).containsExactly(tuple(POP_B, Step.DELIVER));
    }

    @Test
    void collectedMessagesShouldOnlyBeDeletedWhenDeletionIsWanted() {
        MessagePlan plan = MessagePlan.of(List.of(POP_A), Map.of(POP_A.key(), Status.COLLECTED),
            Protocol.POP3, Retention.fetchAll(), ROOMY);

        assertThat(steps(plan)).containsExactly(tuple(POP_A, Step.DELETE));
    }

    @Test
    void deliveringMessagesShouldBeRecoveredEvenWhenReadMeanwhile() {
        MessagePlan plan = MessagePlan.of(List.of(READ), Map.of(READ.key(), Status.DELIVERING),
            Protocol.IMAP, Retention.newOnly(true), ROOMY);

        assertThat(steps(plan)).containsExactly(tuple(READ, Step.RECOVER));
    }

    @Test
    void messagesOverTheSizeLimitShouldStayAndNotStopTheOthers() {
        RemoteMessage huge = RemoteMessage.pop3("huge", 5000);

        MessagePlan plan = MessagePlan.of(List.of(huge, POP_A), Map.of(), Protocol.POP3,
            Retention.fetchAll(), ROOMY);

        assertThat(steps(plan)).containsExactly(tuple(huge, Step.TOO_LARGE),
            tuple(POP_A, Step.DELIVER));
    }

    @Test
    void messagesPerRunLimitShouldTruncateButKeepPendingDeletions() {
        RemoteMessage done = RemoteMessage.pop3("done", 10);

        MessagePlan plan = MessagePlan.of(List.of(POP_A, POP_B, done),
            Map.of(done.key(), Status.COLLECTED),
            Protocol.POP3, Retention.fetchAll(), MessagePlan.Limits.of(1000, 1, 100_000));

        assertThat(steps(plan)).containsExactly(tuple(POP_A, Step.DELIVER),
            tuple(done, Step.DELETE));
        assertThat(plan.truncated()).isTrue();
    }

    @Test
    void bytesPerRunLimitShouldStillLetOneMessageThrough() {
        MessagePlan plan = MessagePlan.of(List.of(POP_A, POP_B), Map.of(), Protocol.POP3,
            Retention.fetchAll(), MessagePlan.Limits.of(1000, 100, 5));

        assertThat(steps(plan)).containsExactly(tuple(POP_A, Step.DELIVER));
        assertThat(plan.truncated()).isTrue();
    }

    private static List<org.assertj.core.groups.Tuple> steps(MessagePlan plan) {
        return plan.entries().stream()
            .map(entry -> tuple(entry.message(), entry.step()))
            .collect(java.util.stream.Collectors.toList());
    }
}
