package org.jamescollectors.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The James JVM of the memory benchmark, started by {@link LargeMessageBench} with the heap
 * under test: boots a memory James with the plugin, warms it up with a small message per
 * protocol, then collects the large message once per protocol, measuring itself, and writes
 * what it saw to a properties file after each collection.
 *
 * <p>Arguments: the settings file the harness wrote, the results file to write.
 */
public final class LargeMessageJames {
    static final String INBOX = "INBOX";
    static final String PASSWORD = "bench-large";
    /** Allocations this big or bigger are listed; a whole copy is one of them. */
    static final long LISTED_BYTES = 1L << 20;
    private static final Logger LOGGER = LoggerFactory.getLogger(LargeMessageJames.class);
    /** Lets James' mailbox listeners, which run after the delivery, finish within the span. */
    private static final long SETTLE_MILLIS = 2000;

    private final Properties settings;
    private final Path results;
    private final Properties written = new Properties();
    private final HeapWatch heap = HeapWatch.install();
    private BenchJames james;

    private LargeMessageJames(Properties settings, Path results) {
        this.settings = settings;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(args[0]))) {
            settings.load(in);
        }
        int status = 0;
        try {
            new LargeMessageJames(settings, Paths.get(args[1])).run();
        } catch (Throwable e) {
            LOGGER.error("The memory benchmark's James failed", e);
            status = 1;
        }
        // James' threads would keep the JVM alive.
        System.exit(status);
    }

    private void run() throws Exception {
        written.setProperty("maxHeap", Long.toString(HeapWatch.maxHeapBytes()));
        written.setProperty("jvm", String.join(" ",
            ManagementFactory.getRuntimeMXBean().getInputArguments()));
        save();
        Path work = Paths.get(settings.getProperty("work"));
        james = BenchJames.start(work.resolve("james"),
            Paths.get(settings.getProperty("root")).resolve("conf-samples"), jamesSettings());
        try {
            for (Protocol protocol : List.of(Protocol.POP3, Protocol.IMAP)) {
                collect(protocol, "warm-up-" + protocol.name().toLowerCase(Locale.ROOT));
            }
            try (AllocationProfile warmUp = AllocationProfile.start(work.resolve("warm-up.jfr"))) {
                warmUp.stop(Long.MAX_VALUE);
            }
            for (Protocol protocol : List.of(Protocol.POP3, Protocol.IMAP)) {
                measureOrSay(protocol, work);
                save();
            }
        } finally {
            james.close();
        }
    }

    private Map<String, String> jamesSettings() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("targets.allowedNetworks", "127.0.0.1/32");
        values.put("targets.allowedPorts", port(Protocol.POP3) + "," + port(Protocol.IMAP));
        values.put("remote.trustStore", "file://" + settings.getProperty("trustStore"));
        values.put("remote.trustStorePassword", settings.getProperty("trustStorePassword"));
        values.put("collection.minimumInterval", "0s");
        values.put("message.maxSize", "60MiB");
        values.put("notifications.enabled", "false");
        return values;
    }

    private int port(Protocol protocol) {
        return Integer.parseInt(settings.getProperty(protocol.name() + ".port"));
    }

    /** Collects the remote account's mail into a new user's Inbox, then empties that Inbox. */
    private Run collect(Protocol protocol, String remote) throws Exception {
        String owner = remote + "@" + BenchJames.DOMAIN;
        Run run = runFor(protocol, remote, owner);
        BenchHooks.current().emptyFolder(owner, INBOX);
        return run;
    }

    private Run runFor(Protocol protocol, String remote, String owner) throws Exception {
        james.addUser(owner, PASSWORD);
        Collector collector = BenchHooks.current().createCollector(owner,
            RemoteAccount.of(protocol, "localhost", port(protocol), Security.TLS, remote,
                Optional.empty()), PASSWORD, Optional.empty());
        return BenchHooks.current().runNow(collector.id());
    }

    /** A failure of one protocol's measurement is written down; the other still runs. */
    private void measureOrSay(Protocol protocol, Path work) {
        try {
            measure(protocol, work);
        } catch (Exception | OutOfMemoryError e) {
            LOGGER.error("Measuring the large message over {} failed", protocol, e);
            LargeMessageRun.of(protocol.name()).put("outcome", "NOT MEASURED")
                .put("error", e.toString()).copyTo(written);
        }
    }

    private void measure(Protocol protocol, Path work) throws Exception {
        LOGGER.info("Collecting the large message over {}...", protocol);
        String remote = settings.getProperty(protocol.name() + ".remote");
        String owner = remote + "@" + BenchJames.DOMAIN;
        LargeMessageRun record = LargeMessageRun.of(protocol.name());
        long before = HeapWatch.liveHeapBytes();
        ProcUsage.resetPeak(ProcUsage.self());
        record.put("rssStartKib", ProcUsage.peakRssKib(ProcUsage.self()));
        try (AllocationProfile profile = AllocationProfile.start(work.resolve("large.jfr"))) {
            heap.start();
            long start = System.nanoTime();
            Run run = runFor(protocol, remote, owner);
            record.put("seconds", (System.nanoTime() - start) / 1e9);
            Thread.sleep(SETTLE_MILLIS);
            record.put("poolPeaks", heap.poolPeaksBytes())
                .put("highestInUse", heap.highestInUseBytes())
                .put("collections", heap.collections())
                .put("peakRssKib", ProcUsage.peakRssKib(ProcUsage.self()));
            outcome(record, run);
            record.put("heapBefore", before).put("heapAfter", HeapWatch.liveHeapBytes());
            AllocationProfile.Found found = profile.stop(LISTED_BYTES);
            record.allocations(found.allocations()).survivors(found.survivors());
        }
        verify(record, owner);
        BenchHooks.current().emptyFolder(owner, INBOX);
        record.copyTo(written);
    }

    private static void outcome(LargeMessageRun record, Run run) {
        record.put("outcome", run.outcome()).put("messages", run.messages())
            .put("bytes", run.bytes())
            .put("error", run.error().map(Run.Error::message).orElse(""));
    }

    private void verify(LargeMessageRun record, String owner) throws Exception {
        Path file = Paths.get(settings.getProperty("message"));
        StringBuilder problems = new StringBuilder();
        int[] stored = {0};
        BenchHooks.current().readEachMessage(owner, INBOX, (content, size) -> {
            stored[0]++;
            record.put("storedBytes", size);
            problems.append(LargeMessageFile.differences(content, size, file));
        });
        if (stored[0] != 1) {
            problems.append(stored[0]).append(" messages in the Inbox, 1 expected");
        }
        record.put("stored", stored[0]).put("intact", problems.length() == 0)
            .put("differences", problems);
    }

    private void save() throws IOException {
        try (OutputStream out = Files.newOutputStream(results)) {
            written.store(out, "one 50 MiB message in a 512 MiB heap");
        }
    }
}
