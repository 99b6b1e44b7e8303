package org.jamescollectors.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.testing.TestMessages;
import org.junit.jupiter.api.Test;

/** IMAP specifics on top of {@link MailSourceContract}. */
public interface ImapContract extends MailSourceContract {
    String ACCENTED_FOLDER = "Re\u00e7us 2024";

    @Override
    default Protocol protocol() {
        return Protocol.IMAP;
    }

    default MailSource openFolder(String user, String folder, FolderAccess access)
        throws RemoteException {
        RemoteAccount account = RemoteAccount.imap("localhost",
            mailbox().port(protocol(), security()), security(), user, Optional.of(folder));
        return connector().open(account, Password.of(DEFAULT_PASSWORD), allowPlaintext(),
            access);
    }

    @Test
    default void messagesShouldBeKeyedByUidValidityAndUid() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.simple("keyed"));

        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            RemoteMessage message = source.messages().get(0);

            assertThat(message.key())
                .isEqualTo("imap:" + message.folderEpoch() + ":" + message.uid());
            assertThat(Long.parseLong(message.folderEpoch())).isPositive();
            assertThat(message.internalDate()).isPresent();
            assertThat(message.seen()).isFalse();
        }
    }

    @Test
    default void retrieveShouldLeaveSeenFlagUnset() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.simple("unseen"));

        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            MailSourceContract.retrieve(source, source.messages().get(0));
        }

        assertThat(mailbox().seenCount(user, "INBOX")).isZero();
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            assertThat(source.messages().get(0).seen()).isFalse();
        }
    }

    @Test
    default void openShouldSelectFolderWhenNameIsNotAscii() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().createFolder(user, ACCENTED_FOLDER);
        byte[] message = TestMessages.simple("in a folder");
        mailbox().deliver(user, ACCENTED_FOLDER, message);

        try (MailSource source = openFolder(user, ACCENTED_FOLDER, FolderAccess.READ_WRITE)) {
            List<RemoteMessage> messages = source.messages();

            assertThat(messages).hasSize(1);
            assertThat(MailSourceContract.retrieve(source, messages.get(0))).isEqualTo(message);
        }
    }

    @Test
    default void openShouldFailNamingTheFolderWhenFolderIsMissing() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);

        assertThatThrownBy(() -> openFolder(user, "Nowhere 2024", FolderAccess.READ_WRITE))
            .isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                assertThat(e.userMessage()).contains("\"Nowhere 2024\"");
            });
    }

    @Test
    default void deleteShouldExpungeTheMessagesAtOnce() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        for (String subject : List.of("one", "two", "three")) {
            mailbox().deliver(user, "INBOX", TestMessages.simple(subject));
        }

        int duringSession;
        try (MailSource source = open(user, DEFAULT_PASSWORD)) {
            List<RemoteMessage> messages = source.messages();
            source.delete(List.of(messages.get(0), messages.get(2)));
            duringSession = mailbox().messageCount(user, "INBOX");
            assertThat(source.messages()).containsExactly(messages.get(1));
        }

        assertThat(duringSession).isEqualTo(1);
    }

    @Test
    default void deleteShouldBeRefusedWhenOpenedReadOnly() throws Exception {
        String user = newUser(DEFAULT_PASSWORD);
        mailbox().deliver(user, "INBOX", TestMessages.simple("read only"));

        try (MailSource source = openFolder(user, "INBOX", FolderAccess.READ_ONLY)) {
            List<RemoteMessage> messages = source.messages();

            assertThatThrownBy(() -> source.delete(messages))
                .isInstanceOf(IllegalStateException.class);
        }
        assertThat(mailbox().messageCount(user, "INBOX")).isEqualTo(1);
    }
}
