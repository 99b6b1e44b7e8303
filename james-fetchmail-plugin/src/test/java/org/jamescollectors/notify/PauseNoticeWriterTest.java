package org.jamescollectors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.store.StoreSamples;
import org.junit.jupiter.api.Test;

class PauseNoticeWriterTest {
    private static final Instant SINCE = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void writeShouldSayWhichCollectorWhatWentWrongAndHowToRevalidate() throws Exception {
        Collector paused = paused("authentication", "the remote server refused the login");
        PauseNoticeWriter writer = PauseNoticeWriter.of(NoticeTexts.of("en", Optional.empty()));

        PauseNotice notice = writer.write(paused);

        assertThat(notice.subject()).isEqualTo("Your mail collector \"Work mail\" has been paused");
        assertThat(notice.body())
            .contains("alice on imap.example.net (IMAP, port 993)")
            .contains("The remote server refused the user name or the password.")
            .contains("Since: 2026-03-01 09:30 UTC")
            .contains("Details: the remote server refused the login")
            .contains("PATCH /collectors/" + paused.id().asString())
            .contains("switch the\r\n    collector back on");
    }

    @Test
    void writeShouldNeverShowTheStoredPassword() throws Exception {
        Collector paused = paused("authentication", "refused");
        PauseNoticeWriter writer = PauseNoticeWriter.of(NoticeTexts.of("fr", Optional.empty()));

        PauseNotice notice = writer.write(paused);

        assertThat(notice.subject() + notice.body())
            .doesNotContain(paused.encryptedPassword())
            .doesNotContain(paused.encryptedPassword().substring(3));
    }

    @Test
    void writeShouldUseTheGeneralSentenceForAnUnknownCode() throws Exception {
        PauseNoticeWriter writer = PauseNoticeWriter.of(NoticeTexts.of("fr", Optional.empty()));

        PauseNotice notice = writer.write(paused("something-new", "new kind of trouble"));

        assertThat(notice.body())
            .contains("Ce qui ne va pas : La relève a échoué pour une raison qui demande votre"
                + " intervention.");
    }

    private static Collector paused(String code, String message) {
        return StoreSamples.collector(StoreSamples.ALICE, "Work mail").toBuilder()
            .paused(true)
            .problem(Optional.of(Problem.of(code, message, SINCE, Optional.empty())))
            .build();
    }
}
