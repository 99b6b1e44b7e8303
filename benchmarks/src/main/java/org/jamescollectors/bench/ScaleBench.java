package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale part of the benchmark: 10,000 collectors on one James node, each on its own account
 * of one private Dovecot (POP3, implicit TLS), one collection interval compressed to five
 * minutes. Measures James' CPU and heap with no collectors, with 10,000 idle ones and during a
 * cycle, and how late each due collector starts. James runs in a JVM of its own
 * ({@link ScaleNode}), so every figure is James' alone.
 */
public final class ScaleBench {
    public static final String TITLE = "## Scale: 10,000 collectors on one node";
    static final int COLLECTORS = 10_000;
    static final Duration INTERVAL = Duration.ofMinutes(5);
    /** Runs at once on the node; see {@link ScaleReport} for why this many. */
    static final int CONCURRENCY = 32;
    /** Every account is on the one Dovecot, which stands for every provider at once. */
    static final int PER_HOST = CONCURRENCY;
    static final Duration BASELINE = Duration.ofSeconds(30);
    static final Duration IDLE = Duration.ofSeconds(60);
    private static final Logger LOGGER = LoggerFactory.getLogger(ScaleBench.class);
    /** Collectors stored and deleted before measuring James without any. */
    static final int WARM_UP = 100;
    private static final Duration LEAD = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);

    private final ScaleNodeProcess node;
    private final DovecotServer dovecot;
    private final ScaleReport.Builder report = ScaleReport.builder();

    private ScaleBench(ScaleNodeProcess node, DovecotServer dovecot) {
        this.node = node;
        this.dovecot = dovecot;
    }

    /**
     * Starts a private Dovecot and a James node, measures, stops both and returns the markdown
     * section, starting with {@link #TITLE}. Takes about nine minutes.
     *
     * @param root the repository root (for conf-samples)
     */
    public static String run(Path root) throws Exception {
        Path scratch = Files.createTempDirectory("bench-scale-");
        try (DovecotServer dovecot = DovecotServer.startPooled()) {
            LOGGER.info("Scale: adding {} accounts to Dovecot...", COLLECTORS);
            for (int i = 0; i < COLLECTORS; i++) {
                dovecot.addUser("user" + i, ScaleNode.PASSWORD);
            }
            LOGGER.info("Scale: starting James in a JVM of its own...");
            ScaleNodeProcess node = ScaleNodeProcess.start(scratch.resolve("james"),
                root.resolve("conf-samples"), settings(dovecot));
            Thread hook = new Thread(() -> stopOnExit(node, dovecot));
            Runtime.getRuntime().addShutdownHook(hook);
            try (node) {
                return new ScaleBench(node, dovecot).measure();
            } finally {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private String measure() throws Exception {
        int port = dovecot.port(Protocol.POP3, Security.TLS);
        node.ask("owners", COMMAND_TIMEOUT);
        node.ask("warm " + WARM_UP + " " + port, COMMAND_TIMEOUT);
        LOGGER.info("Scale: James idle with no collector ({})...", BASELINE);
        report.none(idle(BASELINE));
        LOGGER.info("Scale: storing {} collectors...", COLLECTORS);
        int half = COLLECTORS / 2;
        long createMillis = create(0, half, port);
        report.halfHeap(heap());
        createMillis += create(half, COLLECTORS - half, port);
        report.createMillis(createMillis);
        LOGGER.info("Scale: James idle with {} collectors ({})...", COLLECTORS, IDLE);
        report.idle(idle(IDLE));
        // Rewriting the due times takes about as long as storing the collectors did.
        cycle(LEAD.plusMillis(createMillis + createMillis / 4));
        return report.build().markdown();
    }

    private long create(int from, int count, int port) throws Exception {
        String answer = node.ask("create " + from + " " + count + " " + port, COMMAND_TIMEOUT);
        return Long.parseLong(answer.split(" ")[1]);
    }

    private long heap() throws Exception {
        return Long.parseLong(node.ask("heap", COMMAND_TIMEOUT).split(" ")[0]);
    }

    /** The heap after a full collection, then the CPU share over the span. */
    private ScaleReport.Phase idle(Duration span) throws Exception {
        long heap = heap();
        Thread.sleep(SETTLE.toMillis());
        double before = ProcUsage.cpuSeconds(node.pid());
        long start = System.nanoTime();
        Thread.sleep(span.toMillis());
        double cpu = ProcUsage.cpuSeconds(node.pid()) - before;
        return ScaleReport.Phase.of(cpu / ((System.nanoTime() - start) / 1e9), heap);
    }

    /**
     * Spreads the due times evenly over one interval, then measures James' CPU over that
     * interval and reads every run back. The first is due after the lead, once every due time
     * is written. The heap is taken just after the interval, with the next cycle's runs under
     * way, so that the full collection's pause delays none of the runs measured.
     */
    private void cycle(Duration lead) throws Exception {
        long step = INTERVAL.toMillis() / COLLECTORS;
        Instant first = Instant.now().plus(lead);
        String[] scheduled = node.ask("schedule " + first.toEpochMilli() + " " + step,
            COMMAND_TIMEOUT).split(" ");
        report.scheduledLate(Integer.parseInt(scheduled[1]));
        LOGGER.info("Scale: one cycle, {} collectors due one every {} ms from {}...",
            COLLECTORS, step, first);
        sleepUntil(first);
        double before = ProcUsage.cpuSeconds(node.pid());
        sleepUntil(first.plus(INTERVAL));
        double cpu = ProcUsage.cpuSeconds(node.pid()) - before;
        report.loadAverage(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        sleepUntil(first.plus(INTERVAL).plus(SETTLE));
        String[] heap = node.ask("heap", COMMAND_TIMEOUT).split(" ");
        report.cycle(ScaleReport.Phase.of(cpu / INTERVAL.toSeconds(), Long.parseLong(heap[0])))
            .cycleGcMillis(Long.parseLong(heap[1]));
        sleepUntil(first.plus(INTERVAL).plus(DRAIN));
        LOGGER.info("Scale: reading the runs back...");
        report.runs(ScaleRuns.parse(node.ask("report " + first.toEpochMilli() + " " + step,
            COMMAND_TIMEOUT), step));
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static Map<String, String> settings(DovecotServer dovecot) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("targets.allowedNetworks", "127.0.0.1/32");
        settings.put("targets.allowedPorts",
            Integer.toString(dovecot.port(Protocol.POP3, Security.TLS)));
        settings.put("remote.trustStore", "file://" + dovecot.trustStore().toAbsolutePath());
        settings.put("remote.trustStorePassword", DovecotServer.TRUST_STORE_PASSWORD);
        settings.put("collection.interval", INTERVAL.toMinutes() + "m");
        settings.put("collection.minimumInterval", "0s");
        settings.put("collection.concurrency", Integer.toString(CONCURRENCY));
        settings.put("collection.perHostConcurrency", Integer.toString(PER_HOST));
        settings.put("notifications.enabled", "false");
        return settings;
    }

    /** Ctrl-C or a kill must not leave James' JVM nor Dovecot running. */
    private static void stopOnExit(ScaleNodeProcess node, DovecotServer dovecot) {
        node.kill();
        try {
            dovecot.close();
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
