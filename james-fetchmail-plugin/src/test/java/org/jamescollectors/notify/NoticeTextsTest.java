package org.jamescollectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.jamescollectors.collect.RunFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTextsTest {
    @TempDir
    Path conf;

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void shippedTextsShouldHaveASentenceForEveryProblemCode(String language) throws Exception {
        NoticeTexts texts = NoticeTexts.of(language, Optional.empty());
        String fallback = texts.problemSentence("no-such-code");

        assertThat(Arrays.stream(RunFailure.Code.values()).map(RunFailure.Code::wireName))
            .allSatisfy(code -> assertThat(texts.problemSentence(code))
                .isNotBlank()
                .isNotEqualTo(fallback)
                .doesNotContain("\\"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void shippedTemplatesShouldUseOnlyKnownPlaceholders(String language) throws Exception {
        NoticeTexts texts = NoticeTexts.of(language, Optional.empty());
        Map<String, String> values = Map.ofEntries(Map.entry("collectorName", "v"),
            Map.entry("collectorId", "v"), Map.entry("owner", "v"), Map.entry("remoteUser", "v"),
            Map.entry("remoteHost", "v"), Map.entry("remotePort", "v"), Map.entry("protocol", "v"),
            Map.entry("problemCode", "v"), Map.entry("problem", "v"),
            Map.entry("problemDetail", "v"), Map.entry("since", "v"));

        PauseNotice notice = texts.template().render(values);

        assertThat(notice.subject() + notice.body()).doesNotContain("${");
        assertThat(notice.body()).contains("PATCH /collectors/v");
    }

    @Test
    void frenchTemplateShouldBeInFrench() throws Exception {
        PauseNotice notice = NoticeTexts.of("fr", Optional.empty()).template()
            .render(Map.of("collectorName", "Perso"));

        assertThat(notice.subject())
            .isEqualTo("Votre collecteur de courrier « Perso » a été mis en pause");
    }

    @Test
    void aTemplateInTheConfFolderShouldReplaceTheShippedOne() throws Exception {
        Files.writeString(conf.resolve("collector-paused_en.txt"),
            "Ours: ${collectorName}\n\nbody\n", StandardCharsets.UTF_8);

        PauseNotice notice = NoticeTexts.of("en", Optional.of(conf)).template()
            .render(Map.of("collectorName", "work"));

        assertThat(notice.subject()).isEqualTo("Ours: work");
    }

    @Test
    void sentencesInTheConfFolderShouldReplaceTheShippedOnesCodeByCode() throws Exception {
        Files.writeString(conf.resolve("collector-problems_fr.properties"),
            "authentication=Mot de passe refusé, voyez l'aide en ligne.\n", StandardCharsets.UTF_8);
        NoticeTexts texts = NoticeTexts.of("fr", Optional.of(conf));

        assertThat(texts.problemSentence("authentication"))
            .isEqualTo("Mot de passe refusé, voyez l'aide en ligne.");
        assertThat(texts.problemSentence("tls"))
            .isEqualTo(NoticeTexts.of("fr", Optional.empty()).problemSentence("tls"));
    }

    @Test
    void aBrokenTemplateInTheConfFolderShouldFallBackToTheShippedOne() throws Exception {
        Files.writeString(conf.resolve("collector-paused_en.txt"), "\n\nno subject\n");

        PauseNotice notice = NoticeTexts.of("en", Optional.of(conf)).template()
            .render(Map.of("collectorName", "work"));

        assertThat(notice.subject()).isEqualTo("Your mail collector \"work\" has been paused");
    }

    @Test
    void ofShouldRefuseALanguageWithoutShippedTexts() {
        assertThatThrownBy(() -> NoticeTexts.of("de", Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'de'");
    }
}
