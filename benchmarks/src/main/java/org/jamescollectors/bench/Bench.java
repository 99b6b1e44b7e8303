package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jamescollectors.bench.Contenders.Target;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: one Dovecot and one James with the plugin on 127.0.0.1, the same message set
 * for every contender, on POP3 and IMAP; prints the table and writes BENCHMARKS.md and a chart.
 */
public final class Bench {
    private static final Logger LOGGER = LoggerFactory.getLogger(Bench.class);
    private static final MessageSet.Size DEFAULT_SIZE = MessageSet.Size.of(320, 24, 2);
    private static final MessageSet.Size FULL_SIZE = MessageSet.Size.of(1800, 180, 10);
    private static final MessageSet.Size QUICK_SIZE = MessageSet.Size.of(20, 2, 0);
    private static final String CHART = "docs/benchmarks.png";
    private static final String LARGE_SECTION = "benchmarks/target/bench-large.md";
    private static final String SCALE_SECTION = "benchmarks/target/bench-scale.md";

    private final Path root;
    private final String mode;
    private final List<Result> results = new ArrayList<>();

    private Bench(Path root, String mode) {
        this.root = root;
        this.mode = mode;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        Path root = Paths.get("").toAbsolutePath();
        if ("--large".equals(mode)) {
            System.exit(only(root, LargeMessageBench::measure, LARGE_SECTION));
        }
        if ("--scale".equals(mode)) {
            System.exit(only(root, ScaleBench::run, SCALE_SECTION));
        }
        if (!DovecotServer.isInstalled() || !Files.isExecutable(Contenders.FETCHMAIL)
            || !Files.isExecutable(External.TIME)) {
            System.err.println("bench: needs dovecot-imapd, dovecot-pop3d, openssl, fetchmail "
                + "and time (Debian packages)");
            System.exit(2);
        }
        try {
            new Bench(root, mode).run();
        } catch (Exception e) {
            LOGGER.error("The benchmark failed", e);
            System.exit(1);
        }
        // James' threads would keep the JVM alive.
        System.exit(0);
    }

    /** A part measured apart from the race, returning its section of BENCHMARKS.md. */
    private interface Part {
        String measure(Path root) throws Exception;
    }

    /** Only that part: prints its section and writes it to {@code file}; the exit status. */
    private static int only(Path root, Part part, String file) {
        if (!DovecotServer.isInstalled()) {
            System.err.println("bench: needs dovecot-imapd, dovecot-pop3d and openssl (Debian "
                + "packages)");
            return 2;
        }
        try {
            String section = part.measure(root);
            System.out.println();
            System.out.println(section);
            Files.writeString(root.resolve(file), section, StandardCharsets.UTF_8);
            LOGGER.info("Wrote {}", file);
            return 0;
        } catch (Exception e) {
            LOGGER.error("The benchmark failed", e);
            return 1;
        }
    }

    private void run() throws Exception {
        Path scratch = Files.createTempDirectory("bench-");
        try {
            MessageSet.Size size = sizeOf(mode);
            Optional<List<Path>> corpus = TestMessages.corpus();
            MessageSet set = MessageSet.write(scratch.resolve("messages"), corpus, size);
            String described = describe(set, corpus, size);
            LOGGER.info("Message set: {}", described);
            try (DovecotServer dovecot = DovecotServer.start()) {
                stopOnExit(dovecot, scratch);
                try (BenchJames james = BenchJames.start(scratch.resolve("james"),
                    root.resolve("conf-samples"), settings(dovecot))) {
                    measureAll(new Contenders(dovecot, james, set, scratch));
                }
            }
            Report report = Report.of(results);
            System.out.println();
            System.out.println(report.text());
            List<String> sections = "--quick".equals(mode) ? List.of()
                : List.of(part("memory", LargeMessageBench::measure),
                    part("scale", ScaleBench::run));
            sections.forEach(System.out::println);
            write(report, described, sections);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Ctrl-C or a kill must not leave Dovecot running nor the scratch folder behind. */
    private static void stopOnExit(DovecotServer dovecot, Path scratch) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dovecot.close();
                if (Files.exists(scratch)) {
                    deleteTree(scratch);
                }
            } catch (Exception e) {
                LOGGER.debug("Already stopped", e);
            }
        }));
    }

    private static MessageSet.Size sizeOf(String mode) {
        if ("--full".equals(mode)) {
            return FULL_SIZE;
        }
        return "--quick".equals(mode) ? QUICK_SIZE : DEFAULT_SIZE;
    }

    private void measureAll(Contenders contenders) throws Exception {
        LOGGER.info("Warming James up (one unrecorded collection per protocol)...");
        contenders.ours(Protocol.POP3, Optional.empty());
        contenders.ours(Protocol.IMAP, Optional.empty());
        // First, while James' heap is as empty as it gets: the memory flavour keeps mail there.
        measure(contenders::jamesStoring);
        for (Protocol protocol : List.of(Protocol.POP3, Protocol.IMAP)) {
            measure(() -> contenders.fetchmail(protocol, Target.NOWHERE));
            measure(() -> contenders.ours(protocol, Optional.empty()));
            measure(() -> contenders.ours(protocol, Optional.of(Contenders.TARGET_FOLDER)));
            measure(() -> contenders.fetchmail(protocol, Target.SMTP));
            measure(() -> contenders.fetchmail(protocol, Target.LMTP));
            if (Files.isExecutable(Contenders.GETMAIL)) {
                measure(() -> contenders.getmail(protocol));
            }
        }
    }

    private interface Measurement {
        Result run() throws Exception;
    }

    private void measure(Measurement measurement) {
        try {
            Result result = measurement.run();
            LOGGER.info("{} {}: {} msg/s, {}", result.protocol(), result.contender(),
                String.format(Locale.ROOT, "%.1f", result.messagesPerSecond()),
                result.verdict().text());
            results.add(result);
        } catch (Exception e) {
            LOGGER.error("A contender failed to run", e);
        }
    }

    private static Map<String, String> settings(DovecotServer dovecot) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("targets.allowedNetworks", "127.0.0.1/32");
        settings.put("targets.allowedPorts", dovecot.port(Protocol.POP3, Security.TLS) + ","
            + dovecot.port(Protocol.IMAP, Security.TLS));
        settings.put("remote.trustStore", "file://" + dovecot.trustStore().toAbsolutePath());
        settings.put("remote.trustStorePassword", DovecotServer.TRUST_STORE_PASSWORD);
        settings.put("collection.minimumInterval", "0s");
        settings.put("collection.maxMessagesPerRun", "1000000");
        settings.put("collection.maxBytesPerRun", "100GiB");
        settings.put("notifications.enabled", "false");
        return settings;
    }

    private static String describe(MessageSet set, Optional<List<Path>> corpus,
                                   MessageSet.Size size) {
        return String.format(Locale.ROOT, "%d messages, %.1f MB: %d from ../shared/corpus, "
                + "generated %s", set.messages().size(), set.totalBytes() / 1e6,
            corpus.map(List::size).orElse(0), size);
    }

    /** The part's section, or one saying that it failed and why. */
    private String part(String name, Part part) {
        LOGGER.info("Measuring {}...", name);
        try {
            return part.measure(root);
        } catch (Exception e) {
            LOGGER.error("The {} benchmark failed", name, e);
            return "## The " + name + " benchmark failed\n\n`" + e + "`\n";
        }
    }

    private void write(Report report, String described, List<String> sections)
        throws Exception {
        Path chart = root.resolve(CHART);
        Files.createDirectories(chart.getParent());
        Chart.draw(report.results(), "Moving the same " + described.replaceAll(":.*", "")
            + " into James (" + ZonedDateTime.now().toLocalDate() + ")", chart);
        Files.writeString(root.resolve("BENCHMARKS.md"), Markdown.render(report, described,
            ("./bench " + mode).trim(), CHART, sections, Machine.describe(),
            ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)),
            StandardCharsets.UTF_8);
        LOGGER.info("Wrote BENCHMARKS.md and {}", CHART);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
