package org.jamescollectors.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory benchmark: one 50 MiB message collected from a private Dovecot, once over POP3 and
 * once over IMAP (implicit TLS), by a memory James with the plugin in a JVM of its own whose
 * heap is capped at 512 MiB ({@link LargeMessageJames}), which measures itself.
 */
public final class LargeMessageBench {
    /** The heap under test, and ./run's collector. */
    static final List<String> JAMES_JVM = List.of("-XX:+UseSerialGC", "-Xmx512m",
        "-XX:FlightRecorderOptions:stackdepth=512", "-Djava.awt.headless=true");
    static final long HEAP_LIMIT = 512L << 20;
    static final long BODY_BYTES = 50L << 20;
    private static final long WARM_UP_BYTES = 4096;
    private static final Logger LOGGER = LoggerFactory.getLogger(LargeMessageBench.class);
    private static final long TIMEOUT_MINUTES = 15;
    private static final int LOG_TAIL_LINES = 8;

    private LargeMessageBench() {
    }

    /**
     * Measures and returns the markdown section (its heading included). Starts and stops its
     * own Dovecot and James JVM; needs Dovecot installed ({@link DovecotServer#isInstalled()}).
     *
     * @param root the repository's root, where {@code conf-samples/} is
     */
    public static String measure(Path root) throws Exception {
        Path scratch = Files.createTempDirectory("bench-large-");
        try {
            Path message = scratch.resolve("large.eml");
            long size = LargeMessageFile.write(message, BODY_BYTES, "fifty MiB");
            LOGGER.info("Memory: one message of {} bytes, a James JVM with {}", size,
                String.join(" ", JAMES_JVM));
            try (DovecotServer dovecot = DovecotServer.start()) {
                Thread stopper = new Thread(() -> stop(dovecot, scratch));
                Runtime.getRuntime().addShutdownHook(stopper);
                try {
                    return LargeMessageReport.render(collect(root, scratch, dovecot, message),
                        size);
                } finally {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                }
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static LargeMessageReport.Findings collect(Path root, Path scratch,
                                                       DovecotServer dovecot, Path message)
        throws Exception {
        Path settings = scratch.resolve("settings.properties");
        writeSettings(settings, root, scratch, dovecot, message);
        Path results = scratch.resolve("results.properties");
        Path log = scratch.resolve("james.log");
        Process james = new ProcessBuilder(command(settings, results))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread stopper = new Thread(james::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            if (!james.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                james.destroyForcibly().waitFor();
                return findings(results, log, "still running after " + TIMEOUT_MINUTES
                    + " minutes", dovecot);
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        String ending = james.exitValue() == 0 ? "" : "ended with exit " + james.exitValue();
        return findings(results, log, ending, dovecot);
    }

    /** What the James JVM needs to know, in a file; fills the remote accounts on the way. */
    private static void writeSettings(Path file, Path root, Path scratch, DovecotServer dovecot,
                                      Path message) throws IOException {
        Properties settings = new Properties();
        settings.setProperty("root", root.toAbsolutePath().toString());
        settings.setProperty("work", Files.createDirectories(scratch.resolve("work")).toString());
        settings.setProperty("message", message.toString());
        settings.setProperty("trustStore", dovecot.trustStore().toAbsolutePath().toString());
        settings.setProperty("trustStorePassword", DovecotServer.TRUST_STORE_PASSWORD);
        for (Protocol protocol : List.of(Protocol.POP3, Protocol.IMAP)) {
            settings.setProperty(protocol.name() + ".port",
                Integer.toString(dovecot.port(protocol, Security.TLS)));
            settings.setProperty(protocol.name() + ".remote", fillRemotes(protocol, scratch,
                dovecot, message));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            settings.store(out, "the memory benchmark's James");
        }
    }

    /** The large message's account for the protocol (returned) and its warm-up account. */
    private static String fillRemotes(Protocol protocol, Path scratch, DovecotServer dovecot,
                                      Path message) throws IOException {
        String name = protocol.name().toLowerCase(Locale.ROOT);
        dovecot.addUser("warm-up-" + name, LargeMessageJames.PASSWORD);
        Path small = scratch.resolve("warm-up-" + name + ".eml");
        LargeMessageFile.write(small, WARM_UP_BYTES, "warm-up");
        dovecot.deliver("warm-up-" + name, LargeMessageJames.INBOX, small);
        dovecot.addUser("large-" + name, LargeMessageJames.PASSWORD);
        dovecot.deliver("large-" + name, LargeMessageJames.INBOX, message);
        return "large-" + name;
    }

    private static List<String> command(Path settings, Path results) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAMES_JVM);
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
            LargeMessageJames.class.getName(), settings.toString(), results.toString()));
        return command;
    }

    private static LargeMessageReport.Findings findings(Path results, Path log, String ending,
                                                        DovecotServer dovecot)
        throws IOException {
        Properties values = new Properties();
        if (Files.exists(results)) {
            try (InputStream in = Files.newInputStream(results)) {
                values.load(in);
            }
        }
        Map<String, Integer> left = new TreeMap<>();
        for (Protocol protocol : List.of(Protocol.POP3, Protocol.IMAP)) {
            left.put(protocol.name(), dovecot.messageCount("large-"
                + protocol.name().toLowerCase(Locale.ROOT), LargeMessageJames.INBOX));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (!ending.isEmpty()) {
            LOGGER.error("The James JVM {}; its output:\n{}", ending, String.join("\n", lines));
        }
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES),
            lines.size()));
        return LargeMessageReport.Findings.of(values, left, ending, tail);
    }

    /** Ctrl-C or a kill must not leave Dovecot running nor the scratch folder behind. */
    private static void stop(DovecotServer dovecot, Path scratch) {
        try {
            dovecot.close();
            deleteTree(scratch);
        } catch (Exception e) {
            LOGGER.debug("Already stopped", e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
