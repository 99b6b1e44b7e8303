package org.jamescollectors.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.collect.RemoteAccount;

/**
 * Writes the notice for a paused collector from the texts of the configured language: which
 * collector (its name and remote account, never its password), what went wrong in plain words,
 * and how to re-validate it. The values a template can use are listed in {@link #values}.
 */
public final class PauseNoticeWriter {
    private static final DateTimeFormatter SINCE =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final NoticeTexts texts;

    private PauseNoticeWriter(NoticeTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    public static PauseNoticeWriter of(NoticeTexts texts) {
        return new PauseNoticeWriter(texts);
    }

    public PauseNotice write(Collector paused) {
        return texts.template().render(values(paused));
    }

    /**
     * The placeholders: {@code collectorName}, {@code collectorId}, {@code owner},
     * {@code remoteUser}, {@code remoteHost}, {@code remotePort}, {@code protocol},
     * {@code problem} (the plain-words sentence for the problem's code), {@code problemCode},
     * {@code problemDetail} (the problem's stored English message) and {@code since}.
     */
    Map<String, String> values(Collector paused) {
        RemoteAccount account = paused.account();
        Optional<Problem> problem = paused.problem();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("collectorName", paused.name());
        values.put("collectorId", paused.id().asString());
        values.put("owner", paused.owner().asString());
        values.put("remoteUser", account.username());
        values.put("remoteHost", account.host());
        values.put("remotePort", Integer.toString(account.port()));
        values.put("protocol", account.protocol().name());
        String code = problem.map(Problem::code).orElse("default");
        values.put("problemCode", code);
        values.put("problem", texts.problemSentence(code));
        values.put("problemDetail", problem.map(Problem::message).orElse("-"));
        values.put("since", SINCE.format(problem.map(Problem::since).orElse(Instant.EPOCH)));
        return values;
    }
}
