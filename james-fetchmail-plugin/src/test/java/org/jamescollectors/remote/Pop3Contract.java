package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.testing.TestMessages;
import org.junit.jupiter.api.Test;

/** POP3 specifics on top of {@link MailSourceContract}. */
public interface Pop3Contract extends MailSourceContract {
    @Override
    default Protocol protocol() {
        return Protocol.POP3;
    }

    @Test
    default void messagesShouldBeKeyedByUidl() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.simple("keyed"));

        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            RemoteMessage message = source.messages().get(0);

            assertThat(message.key()).isEqualTo("pop3:" + message.uid());
            assertThat(message.folderEpoch()).isEmpty();
            assertThat(message.seen()).isFalse();
            assertThat(message.internalDate()).isEmpty();
        }
    }

    @Test
    default void deleteShouldOnlyTakeEffectWhenClosed() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        for (String subject : List.of("one", "two", "three")) {
            mailbox().deliver(user, "INBOX", TestMessages.simple(subject));
        }

        int duringSession;
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            source.delete(source.messages().subList(0, 2));
            duringSession = mailbox().messageCount(user, "INBOX");
        }

        assertThat(duringSession).isEqualTo(3);
        assertThat(mailbox().messageCount(user, "INBOX")).isEqualTo(1);
        assertThat(roundTripFirst(user)).isEqualTo(TestMessages.simple("three"));
    }

    @Test
    default void abortShouldKeepMessagesMarkedDeleted() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.simple("kept"));
        MailSource source = open(user, DEFAULT_PASSWORD);
        source.delete(source.messages());

        source.abort();

        try (MailSource again = open(user, DEFAULT_PASSWORD)) {
            assertThat(again.messages()).hasSize(1);
        }
    }

    default byte[] roundTripFirst(String user) throws Exception {
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            return MailSourceContract.retrieve(source, source.messages().get(0));
        }
    }
}
