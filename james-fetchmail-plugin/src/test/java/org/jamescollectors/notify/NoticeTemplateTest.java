package org.jamescollectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NoticeTemplateTest {
    @Test
    void renderShouldTakeTheSubjectFromTheFirstLineAndTheBodyAfterOneBlankLine() throws Exception {
        NoticeTemplate template = NoticeTemplate.parse("Paused: ${name}\n\nHello ${name},\nbye\n");

        PauseNotice notice = template.render(Map.of("name", "work"));

        assertThat(notice.subject()).isEqualTo("Paused: work");
        assertThat(notice.body()).isEqualTo("Hello work,\r\nbye\r\n");
    }

    @Test
    void renderShouldFlattenLineBreaksOfValuesSoThatNoHeaderCanBeAdded() throws Exception {
        NoticeTemplate template = NoticeTemplate.parse("Paused: ${name}\n\nName: ${name}\n");

        String name = "x\r\nBcc: evil@attacker.test\u2028y\u0000z";

        PauseNotice notice = template.render(Map.of("name", name));

        assertThat(notice.subject()).isEqualTo("Paused: x  Bcc: evil@attacker.test y z");
        assertThat(notice.body()).isEqualTo("Name: x  Bcc: evil@attacker.test y z\r\n");
    }

    @Test
    void renderShouldLeaveAPlaceholderWithoutValueAsWritten() throws Exception {
        NoticeTemplate template =
            NoticeTemplate.parse("Subject\n\n${colectorName} and $5 and ${}\n");

        PauseNotice notice = template.render(Map.of("collectorName", "work"));

        assertThat(notice.body()).isEqualTo("${colectorName} and $5 and ${}\r\n");
    }

    @Test
    void renderShouldNotReadPlaceholdersInsideValues() throws Exception {
        NoticeTemplate template = NoticeTemplate.parse("S ${a}\n\n${a} ${b}\n");

        PauseNotice notice = template.render(Map.of("a", "${b}", "b", "B"));

        assertThat(notice.subject()).isEqualTo("S ${b}");
        assertThat(notice.body()).isEqualTo("${b} B\r\n");
    }

    @Test
    void parseShouldAcceptWindowsLineEndingsAndAByteOrderMark() throws Exception {
        NoticeTemplate template = NoticeTemplate.parse("\uFEFFSubject\r\n\r\nline one\r\nline two");

        PauseNotice notice = template.render(Map.of());

        assertThat(notice.subject()).isEqualTo("Subject");
        assertThat(notice.body()).isEqualTo("line one\r\nline two");
    }

    @Test
    void parseShouldRefuseATemplateWithoutSubject() {
        assertThatThrownBy(() -> NoticeTemplate.parse("\n\nbody only"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("subject");
    }

    @Test
    void pauseNoticeShouldRefuseASubjectOnSeveralLines() {
        assertThatThrownBy(() -> PauseNotice.of("one\r\nBcc: x@y.test", "body"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
