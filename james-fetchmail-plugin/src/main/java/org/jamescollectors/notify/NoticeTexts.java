package org.jamescollectors.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts of the pause notice in one language: the template {@code collector-paused_<lang>.txt}
 * and the problem sentences {@code collector-problems_<lang>.properties}, both UTF-8. A file of
 * that name in James' conf folder replaces the one shipped in the jar. Files are read for each
 * notice, so an operator's edit applies from the next pause on, without a restart; an override
 * that cannot be read or parsed is reported and the shipped text is used instead.
 */
public final class NoticeTexts {
    static final String RESOURCE_FOLDER = "/org/jamescollectors/notify/";
    private static final Logger LOGGER = LoggerFactory.getLogger(NoticeTexts.class);

    private final String language;
    private final Optional<Path> confFolder;

    private NoticeTexts(String language, Optional<Path> confFolder) {
        this.language = Objects.requireNonNull(language, "language");
        this.confFolder = Objects.requireNonNull(confFolder, "confFolder");
    }

    /** Texts in {@code language}, overridable from {@code confFolder} when given. */
    public static NoticeTexts of(String language, Optional<Path> confFolder) {
        NoticeTexts texts = new NoticeTexts(language, confFolder);
        texts.shipped(texts.templateName());
        texts.shipped(texts.problemsName());
        return texts;
    }

    public String language() {
        return language;
    }

    public String templateName() {
        return "collector-paused_" + language + ".txt";
    }

    public String problemsName() {
        return "collector-problems_" + language + ".properties";
    }

    public NoticeTemplate template() {
        Optional<NoticeTemplate> overridden = override(templateName()).flatMap(text -> {
            try {
                return Optional.of(NoticeTemplate.parse(text));
            } catch (IllegalArgumentException e) {
                LOGGER.warn("Ignoring {}: {}", templateName(), e.getMessage());
                return Optional.empty();
            }
        });
        return overridden.orElseGet(() -> NoticeTemplate.parse(shipped(templateName())));
    }

    /** What the problem {@code code} means, in plain words; a general sentence if unknown. */
    public String problemSentence(String code) {
        Properties shipped = properties(shipped(problemsName()));
        Properties chosen = override(problemsName()).map(NoticeTexts::properties).orElse(shipped);
        return Optional.ofNullable(chosen.getProperty(code))
            .or(() -> Optional.ofNullable(shipped.getProperty(code)))
            .or(() -> Optional.ofNullable(chosen.getProperty("default")))
            .orElseGet(() -> shipped.getProperty("default", code))
            .trim();
    }

    private Optional<String> override(String name) {
        Optional<Path> file = confFolder.map(folder -> folder.resolve(name))
            .filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOGGER.warn("Cannot read {}, using the shipped text: {}", file.get(), e.toString());
            return Optional.empty();
        }
    }

    private String shipped(String name) {
        try (InputStream in = NoticeTexts.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no notice texts shipped for language '"
                    + language + "' (" + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped " + name, e);
        }
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            LOGGER.warn("Ignoring malformed problem sentences: {}", e.toString());
        }
        return properties;
    }
}
