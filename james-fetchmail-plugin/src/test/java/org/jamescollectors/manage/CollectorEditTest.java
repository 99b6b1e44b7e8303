package org.jamescollectors.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Security;
import org.junit.jupiter.api.Test;

class CollectorEditTest {
    private static final Collector STORED = Collector.builder()
        .id(CollectorId.random()).owner(Username.of("bob@james.example")).name("Orange")
        .account(RemoteAccount.imap("imap.orange.fr", 993, Security.TLS, "jean", Optional.empty()))
        .encryptedPassword("v1:x").retention(Retention.newOnly(false))
        .createdAt(Instant.EPOCH).nextRunAt(Instant.EPOCH).build();

    @Test
    void absentFieldsShouldKeepTheStoredValues() throws Exception {
        CollectorEdit edit = CollectorEdit.forChange(STORED, CollectorInput.builder().build());

        assertThat(edit.name()).isEqualTo("Orange");
        assertThat(edit.account()).isEqualTo(STORED.account());
        assertThat(edit.newPassword()).isEmpty();
        assertThat(edit.retention()).isEqualTo(Retention.newOnly(false));
        assertThat(edit.targetFolder()).isEmpty();
        assertThat(edit.enabled()).isTrue();
    }

    @Test
    void aDefaultPortShouldFollowAChangeOfProtocol() throws Exception {
        CollectorEdit edit = CollectorEdit.forChange(STORED, CollectorInput.builder()
            .string(CollectorField.PROTOCOL, "pop3").build());

        assertThat(edit.account().port()).isEqualTo(995);
        assertThat(edit.account().sourceFolder()).isEmpty();
    }

    @Test
    void aChosenPortShouldStayWhenTheSecurityChanges() throws Exception {
        Collector custom = STORED.toBuilder().account(RemoteAccount.imap("imap.orange.fr", 1993,
            Security.TLS, "jean", Optional.empty())).build();

        CollectorEdit edit = CollectorEdit.forChange(custom, CollectorInput.builder()
            .string(CollectorField.SECURITY, "starttls").build());

        assertThat(edit.account().port()).isEqualTo(1993);
        assertThat(edit.account().security()).isEqualTo(Security.STARTTLS);
    }

    @Test
    void aNewCollectorShouldTakeTheDefaults() throws Exception {
        CollectorEdit edit = CollectorEdit.forCreation(CollectorInput.builder()
            .string(CollectorField.NAME, " Orange ").string(CollectorField.PROTOCOL, "IMAP")
            .string(CollectorField.HOST, "IMAP.Orange.FR").string(CollectorField.USERNAME, "jean")
            .string(CollectorField.PASSWORD, "pw").build());

        assertThat(edit.name()).isEqualTo("Orange");
        assertThat(edit.account()).isEqualTo(RemoteAccount.imap("imap.orange.fr", 993,
            Security.TLS, "jean", Optional.empty()));
        assertThat(edit.retention()).isEqualTo(Retention.fetchAll());
        assertThat(edit.enabled()).isTrue();
    }

    @Test
    void nullSourceFolderShouldMeanInbox() throws Exception {
        Collector archive = STORED.toBuilder().account(RemoteAccount.imap("imap.orange.fr", 993,
            Security.TLS, "jean", Optional.of("Archive"))).build();

        CollectorEdit edit = CollectorEdit.forChange(archive, CollectorInput.builder()
            .nullValue(CollectorField.SOURCE_FOLDER).build());

        assertThat(edit.account().sourceFolder()).contains("INBOX");
    }

    @Test
    void nullTargetFolderShouldMeanTheInbox() throws Exception {
        Collector filed = STORED.toBuilder().targetFolder(Optional.of("Orange")).build();

        CollectorEdit edit = CollectorEdit.forChange(filed, CollectorInput.builder()
            .nullValue(CollectorField.TARGET_FOLDER).build());

        assertThat(edit.targetFolder()).isEmpty();
    }

    @Test
    void keepingCopiesShouldBeRefusedWhileFetchingAll() {
        Collector fetchAll = STORED.toBuilder().retention(Retention.fetchAll()).build();

        assertThatThrownBy(() -> CollectorEdit.forChange(fetchAll, CollectorInput.builder()
            .bool(CollectorField.DELETE_AFTER_FETCH, false).build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("deleteAfterFetch"));
    }

    @Test
    void anEmptyPasswordShouldBeRefused() {
        assertThatThrownBy(() -> CollectorEdit.forChange(STORED, CollectorInput.builder()
            .string(CollectorField.PASSWORD, "").build()))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("password"));
    }
}
