package org.jamescollectors.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * A log file of a test's own, written with a layout that prints the whole log context
 * ({@code %X}), and logger levels taken from the shipped {@code conf-samples/logback.xml}, so a
 * test sees what an operator's log would hold. {@link #close} puts the levels back.
 */
final class FullContextLog implements AutoCloseable {
    static final Path SHIPPED_CONFIGURATION = Path.of("..", "conf-samples", "logback.xml");
    private static final String PATTERN =
        "%d{HH:mm:ss.SSS} %-5level [%thread] %logger [%X] %msg%n%ex";

    private final Path file;
    private final FileAppender<ILoggingEvent> appender;
    private final Map<String, Level> previousLevels = new HashMap<>();

    private FullContextLog(Path file) throws Exception {
        this.file = file;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("full-context-" + file.getFileName());
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        setLevel(Logger.ROOT_LOGGER_NAME, Level.INFO);
        shippedLevels().forEach(this::setLevel);
        setLevel("org.jamescollectors", Level.DEBUG);
    }

    /** Starts writing every event at INFO (the plugin's at DEBUG) to {@code file}. */
    static FullContextLog start(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return new FullContextLog(file);
    }

    /** The levels the shipped configuration gives named loggers. */
    static Map<String, Level> shippedLevels() throws Exception {
        Map<String, Level> levels = new HashMap<>();
        try (InputStream in = Files.newInputStream(SHIPPED_CONFIGURATION)) {
            NodeList loggers = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                .getElementsByTagName("logger");
            for (int i = 0; i < loggers.getLength(); i++) {
                Element logger = (Element) loggers.item(i);
                levels.put(logger.getAttribute("name"),
                    Level.toLevel(logger.getAttribute("level")));
            }
        }
        return levels;
    }

    Path file() {
        return file;
    }

    String read() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private void setLevel(String name, Level level) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        previousLevels.putIfAbsent(name, logger.getLevel());
        logger.setLevel(level);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name))
            .setLevel(level));
    }
}
