package org.jamescollectors.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.store.CollectorStore;

/**
 * One James node with the plugin in a JVM of its own, for the scale measurement, so that its CPU
 * and heap are James' alone. The harness sends one command a line on standard input and reads
 * the answer from the standard output line that starts with {@link #ANSWER}; every other line
 * there is James' log. The node keeps no collector of its own in its heap: each command walks
 * the store, in id order, and the i-th collector of that order is due at {@code first + i * step}.
 */
public final class ScaleNode {
    static final String ANSWER = "@scale ";
    static final String PASSWORD = "scale-secret";
    static final int OWNERS = 100;
    private static final int PAGE = 500;
    private static final Duration FAR_AWAY = Duration.ofDays(1);

    private final BenchJames james;
    private final PrintStream out;

    private ScaleNode(BenchJames james, PrintStream out) {
        this.james = james;
        this.out = out;
    }

    /** Arguments: James' working folder, conf-samples, then collectors.properties as key=value. */
    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        int status = 0;
        try (BenchJames james = BenchJames.start(Paths.get(args[0]), Paths.get(args[1]),
            settings)) {
            new ScaleNode(james, System.out).serve();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // James' threads would keep the JVM alive.
        System.exit(status);
    }

    private void serve() throws Exception {
        answer("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            if ("stop".equals(words[0])) {
                return;
            }
            answer(execute(words));
        }
    }

    private String execute(String[] words) throws Exception {
        switch (words[0]) {
            case "owners":
                return owners();
            case "heap":
                return heap();
            case "warm":
                return warm(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            case "create":
                return create(Integer.parseInt(words[1]), Integer.parseInt(words[2]),
                    Integer.parseInt(words[3]));
            case "schedule":
                return schedule(Instant.ofEpochMilli(Long.parseLong(words[1])),
                    Long.parseLong(words[2]));
            case "report":
                return report(Instant.ofEpochMilli(Long.parseLong(words[1])),
                    Long.parseLong(words[2]));
            default:
                throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    private void answer(String text) {
        out.println(ANSWER + text);
        out.flush();
    }

    private String owners() throws Exception {
        for (int i = 0; i < OWNERS; i++) {
            james.addUser(owner(i).asString(), PASSWORD);
        }
        return "owners " + OWNERS;
    }

    /** The heap in use after two full collections, and how long they took. */
    private static String heap() {
        long start = System.nanoTime();
        System.gc();
        System.gc();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return "heap " + used + " " + millis;
    }

    /**
     * Stores that many collectors and deletes them again, so that what storing one costs James
     * once (classes, compiled statements) is paid before the heap is measured without any.
     */
    private String warm(int count, int port) throws Exception {
        CollectorStore store = BenchHooks.current().stores().collectors();
        for (int i = 0; i < count; i++) {
            store.delete(store.create(collector(i, port, Instant.now())).id());
        }
        return "warm " + count;
    }

    /** Collectors of user(from)..user(from+count-1) on the remote POP3S port, due in a day. */
    private String create(int from, int count, int port) throws Exception {
        CollectorStore store = BenchHooks.current().stores().collectors();
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            store.create(collector(i, port, now));
        }
        return "created " + count + " " + (System.nanoTime() - start) / 1_000_000;
    }

    private static Collector collector(int index, int port, Instant now) throws Exception {
        BenchHooks hooks = BenchHooks.current();
        CollectorId id = CollectorId.random();
        return Collector.builder()
            .id(id)
            .owner(owner(index))
            .name("scale " + index)
            .account(RemoteAccount.pop3("localhost", port, Security.TLS, "user" + index))
            .encryptedPassword(hooks.cipher().encrypt(id, Password.of(PASSWORD)))
            .retention(Retention.fetchAll())
            .createdAt(now)
            .nextRunAt(now.plus(FAR_AWAY))
            .build();
    }

    /**
     * Writes the due times; answers how many and how many were written after their due time
     * (those would start late whatever the scheduler does).
     */
    private String schedule(Instant first, long stepMillis) throws Exception {
        CollectorStore store = BenchHooks.current().stores().collectors();
        int index = 0;
        int late = 0;
        long start = System.nanoTime();
        for (List<Collector> page = store.page(Optional.empty(), PAGE); !page.isEmpty();
             page = store.page(Optional.of(page.get(page.size() - 1).id()), PAGE)) {
            for (Collector collector : page) {
                Instant due = first.plusMillis(stepMillis * index++);
                store.update(collector.toBuilder().nextRunAt(due).build());
                late += Instant.now().isAfter(due) ? 1 : 0;
            }
        }
        return "scheduled " + index + " " + late + " " + (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * For each collector, its first scheduled run: the lag from its due time to the run's start
     * and the run's duration in milliseconds (-1 when it did not run or has not ended), and
     * whether it succeeded.
     */
    private String report(Instant first, long stepMillis) throws Exception {
        BenchHooks hooks = BenchHooks.current();
        CollectorStore store = hooks.stores().collectors();
        StringJoiner lags = new StringJoiner(",");
        StringJoiner durations = new StringJoiner(",");
        int index = 0;
        int succeeded = 0;
        for (List<Collector> page = store.page(Optional.empty(), PAGE); !page.isEmpty();
             page = store.page(Optional.of(page.get(page.size() - 1).id()), PAGE)) {
            for (Collector collector : page) {
                Instant due = first.plusMillis(stepMillis * index++);
                Optional<Run> run = firstScheduledRun(collector.id(), due);
                lags.add(Long.toString(run.map(r -> Duration.between(due, r.startedAt())
                    .toMillis()).orElse(-1L)));
                durations.add(Long.toString(run.flatMap(r -> r.finishedAt()
                    .map(end -> Duration.between(r.startedAt(), end).toMillis())).orElse(-1L)));
                succeeded += run.filter(r -> r.outcome() == Run.Outcome.SUCCESS).isPresent()
                    ? 1 : 0;
            }
        }
        return "report " + index + " " + succeeded + " " + lags + " " + durations;
    }

    private static Optional<Run> firstScheduledRun(CollectorId id, Instant due) {
        return BenchHooks.current().stores().runs().recent(id, 10).stream()
            .filter(run -> run.trigger() == Run.Trigger.SCHEDULE)
            .filter(run -> !run.startedAt().isBefore(due.minusSeconds(60)))
            .min((a, b) -> a.startedAt().compareTo(b.startedAt()));
    }

    static Username owner(int collector) {
        return Username.of("owner" + (collector % OWNERS) + "@" + BenchJames.DOMAIN);
    }
}
