package org.jamescollectors.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorRuns;
import org.jamescollectors.collect.CollectorState;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts due collectors on this node. It asks the store for collectors that are due and not
 * leased, claims each through the shared database (so two nodes never run one collector at once)
 * and runs it on a bounded worker pool, at most one session per remote account and a bounded
 * number per remote host. It looks again when the next collector falls due, when a run ends (a
 * slot is free) and at least once a second (collectors created or changed elsewhere, other
 * nodes' leases, suspension). Its cost between runs is one indexed query a second, whatever the
 * number of idle collectors.
 */
public final class CollectionScheduler implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectionScheduler.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final String SUSPENDED = "collection-suspended";

    private final Stores stores;
    private final CollectorRuns runner;
    private final CollectorsConfiguration configuration;
    private final Clock clock;
    private final String nodeId;
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private final Map<CollectorId, Run> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sessionsPerHost = new ConcurrentHashMap<>();
    private final Map<String, CollectorId> busyAccounts = new ConcurrentHashMap<>();
    private volatile boolean suspended;
    private volatile boolean closed;
    private volatile Instant lastTick = Instant.EPOCH;
    private Instant lastRenewal = Instant.EPOCH;
    private Instant lastSuspensionRead = Instant.EPOCH;
    private final Object wakeUp = new Object();
    private boolean wakeUpRequested;

    public CollectionScheduler(Stores stores, CollectorRuns runner,
                               CollectorsConfiguration configuration, Clock clock, String nodeId) {
        this.stores = stores;
        this.runner = runner;
        this.configuration = configuration;
        this.clock = clock;
        this.nodeId = nodeId;
        this.workers = Executors.newFixedThreadPool(configuration.concurrency(),
            threads("collector-run"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(threads("collector-scheduler"));
    }

    /** Begins looking for due collectors, on a thread of its own. */
    public void start() {
        ticker.execute(this::loop);
        LOGGER.info("Collector scheduler started: node={} concurrency={} perHost={} interval={}",
            nodeId, configuration.concurrency(), configuration.perHostConcurrency(),
            configuration.interval());
    }

    /**
     * Stops starting runs on every node sharing the store (maintenance); runs under way finish.
     * The switch lives in the store, so each node sees it at its next tick.
     */
    public void suspend() {
        stores.metadata().put(SUSPENDED, "true");
        suspended = true;
        LOGGER.info("Collection suspended by the operator");
    }

    public void resume() {
        stores.metadata().put(SUSPENDED, "false");
        suspended = false;
        wakeUp();
        LOGGER.info("Collection resumed by the operator");
    }

    /** Whether collection is suspended, as this node last read it from the store. */
    public boolean isSuspended() {
        return suspended;
    }

    /** When the scheduler last looked for due collectors. */
    public Instant lastTick() {
        return lastTick;
    }

    /** The run under way on this node for that collector, if any. */
    public Optional<Run> runningRun(CollectorId id) {
        return Optional.ofNullable(running.get(id));
    }

    /**
     * Runs the collector now, on the caller's behalf. Returns the run under way if there is one,
     * here or (as far as the store tells) on another node.
     *
     * @throws TooSoonException when its last run started less than the minimum interval ago
     */
    public Optional<Run> runNow(CollectorId id) throws TooSoonException {
        Run current = running.get(id);
        if (current != null) {
            return Optional.of(stores.runs().find(id, current.id()).orElse(current));
        }
        Optional<Run> last = stores.runs().recent(id, 1).stream().findFirst();
        Instant now = clock.instant();
        if (last.isPresent() && last.get().outcome() == Run.Outcome.RUNNING) {
            // Under way on another node, or left so by a node that died: only the second lets
            // its lease be claimed, and the new run then records the old one as interrupted.
            Optional<Run> started = launchIfActive(id, now);
            return started.isPresent() ? started : last;
        }
        Optional<Instant> allowedAt =
            last.map(run -> run.startedAt().plus(configuration.minimumInterval()));
        if (allowedAt.isPresent() && allowedAt.get().isAfter(now)) {
            throw new TooSoonException(Duration.between(now, allowedAt.get()));
        }
        return launchIfActive(id, now);
    }

    private Optional<Run> launchIfActive(CollectorId id, Instant now) {
        return stores.collectors().find(id)
            .filter(collector -> collector.state() == CollectorState.ACTIVE)
            .flatMap(collector -> launch(collector, Run.Trigger.USER, now));
    }

    private void loop() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                sleepUntil(tickSafely());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Instant tickSafely() {
        try {
            return tick();
        } catch (RuntimeException e) {
            if (closed) {
                LOGGER.debug("Collector scheduler tick ended by the shutdown", e);
            } else {
                LOGGER.error("Collector scheduler tick failed: {}", e.toString(), e);
            }
            return clock.instant().plus(TICK);
        }
    }

    /**
     * Starts what is due and returns when to look again: when the next collector falls due, at
     * once when there may be more due than one query returned, at the latest in a second.
     */
    Instant tick() {
        Instant now = clock.instant();
        lastTick = now;
        renewLeases(now);
        readSuspension(now);
        Instant latest = now.plus(TICK);
        int free = configuration.concurrency() - running.size();
        if (suspended || free <= 0) {
            return latest;
        }
        int limit = free * 2;
        List<Collector> soon = stores.collectors().findDue(latest, limit);
        boolean launched = false;
        for (Collector collector : soon) {
            if (collector.nextRunAt().isAfter(now)) {
                return collector.nextRunAt();
            }
            if (running.size() >= configuration.concurrency()) {
                return latest;
            }
            launched |= launch(collector, Run.Trigger.SCHEDULE, now).isPresent();
        }
        return soon.size() == limit && launched ? now : latest;
    }

    /** Reads the operator's switch from the store, at most once a second. */
    private void readSuspension(Instant now) {
        if (now.isBefore(lastSuspensionRead.plus(TICK))) {
            return;
        }
        lastSuspensionRead = now;
        suspended = stores.metadata().get(SUSPENDED).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Waits until the instant by this scheduler's clock, or until woken, but never more than a
     * second of real time (whatever the clock does).
     */
    private void sleepUntil(Instant next) throws InterruptedException {
        long nanos = Math.min(Duration.between(clock.instant(), next).toNanos(), TICK.toNanos());
        long deadline = System.nanoTime() + nanos;
        synchronized (wakeUp) {
            long left = nanos;
            while (!wakeUpRequested && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(wakeUp, left);
                left = deadline - System.nanoTime();
            }
            wakeUpRequested = false;
        }
    }

    /** Makes the scheduler look for due collectors now (a slot is free, collection resumed). */
    private void wakeUp() {
        synchronized (wakeUp) {
            wakeUpRequested = true;
            wakeUp.notifyAll();
        }
    }

    private Optional<Run> launch(Collector collector, Run.Trigger trigger, Instant now) {
        String host = collector.account().host();
        String account = accountKey(collector.account());
        if (busyAccounts.putIfAbsent(account, collector.id()) != null) {
            return Optional.empty();
        }
        AtomicInteger hostSessions =
            sessionsPerHost.computeIfAbsent(host, h -> new AtomicInteger());
        if (hostSessions.incrementAndGet() > configuration.perHostConcurrency()) {
            hostSessions.decrementAndGet();
            busyAccounts.remove(account);
            return Optional.empty();
        }
        Instant leaseUntil = now.plus(configuration.leaseDuration());
        if (!stores.collectors().claim(collector.id(), nodeId, now, leaseUntil)) {
            hostSessions.decrementAndGet();
            busyAccounts.remove(account);
            return Optional.empty();
        }
        return Optional.of(submit(collector, trigger, host, account));
    }

    private Run submit(Collector claimed, Run.Trigger trigger, String host, String account) {
        Collector collector = stores.collectors().find(claimed.id()).orElse(claimed);
        closeInterruptedRun(collector.id());
        Run started = runner.start(collector, trigger);
        running.put(collector.id(), started);
        try {
            workers.execute(() -> execute(collector, started, host, account));
        } catch (RejectedExecutionException e) {
            cleanUp(collector.id(), host, account);
            throw e;
        }
        return started;
    }

    /**
     * Performs the run, then wakes the scheduler for the slot it frees. Not after a crash: the
     * collector may still be due (its next run unwritten), and would be started again at once,
     * over and over; the next regular look, within a second, starts it instead.
     */
    private void execute(Collector collector, Run started, String host, String account) {
        boolean crashed = false;
        try {
            runner.run(collector, started);
        } catch (RuntimeException e) {
            crashed = true;
            LOGGER.error("Collector {} run crashed: {}", collector.id(), e.toString(), e);
        } finally {
            cleanUp(collector.id(), host, account);
        }
        if (!crashed) {
            wakeUp();
        }
    }

    /** Lets go of a finished run: the lease first, so that "not running" here means claimable. */
    private void cleanUp(CollectorId id, String host, String account) {
        try {
            stores.collectors().release(id, nodeId);
        } finally {
            busyAccounts.remove(account);
            sessionsPerHost.get(host).decrementAndGet();
            running.remove(id);
        }
    }

    /**
     * A run left "running" by a node that died is recorded as interrupted before the next starts.
     */
    private void closeInterruptedRun(CollectorId id) {
        stores.runs().recent(id, 1).stream()
            .filter(run -> run.outcome() == Run.Outcome.RUNNING)
            .forEach(run -> stores.runs().save(run.finish(clock.instant(), Run.Outcome.FAILED,
                run.messages(), run.bytes(), run.skipped(), Optional.of(Run.Error.of("local",
                    "the run was interrupted (server stopped); collection resumed with the next"
                    + " run")))));
    }

    /** Renews the leases of runs under way once a third of the lease has passed. */
    private void renewLeases(Instant now) {
        if (now.isBefore(lastRenewal.plus(configuration.leaseDuration().dividedBy(3)))) {
            return;
        }
        lastRenewal = now;
        Instant leaseUntil = now.plus(configuration.leaseDuration());
        for (CollectorId id : running.keySet()) {
            if (!stores.collectors().renew(id, nodeId, leaseUntil)) {
                LOGGER.warn("Collector {} lost its run lease; another node may run it", id);
            }
        }
    }

    private static String accountKey(RemoteAccount account) {
        return account.protocol().wireName() + "://" + account.username().toLowerCase(Locale.ROOT)
            + "@" + account.host() + ":" + account.port() + "/" + account.sourceFolder().orElse("");
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops ticking and waits a little for runs under way; their leases are given back. */
    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOGGER.warn("Collector runs still under way at shutdown: {}", running.keySet());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOGGER.info("Collector scheduler stopped");
    }
}
