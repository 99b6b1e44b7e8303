package org.jamescollectors.collect;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.notify.PauseNotifier;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretException;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.FetchStateStore.Status;
import org.jamescollectors.store.StaleCollectorException;
import org.jamescollectors.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one collector once: logs in, plans, then for each message downloads it to a temporary file,
 * records it as being delivered, hands it to James, records it as collected, and finally deletes
 * remotely what was collected ({@link PlanRunner}). The order of those writes is what makes a run
 * that is cut off anywhere safe to run again. Runs on the caller's thread, which must not be a
 * Reactor parallel one; downloads and deliveries run on threads of the runner's own.
 */
public final class CollectorRunner implements CollectorRuns {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorRunner.class);
    private static final int UPDATE_ATTEMPTS = 5;

    private final Stores stores;
    private final SecretCipher cipher;
    private final MailSources sources;
    private final MessageDelivery delivery;
    private final CollectorsConfiguration configuration;
    private final FailurePolicy failurePolicy;
    private final Clock clock;
    private final Path temporaryFolder;
    private final Predicate<Username> ownerExists;
    private final PauseNotifier pauseNotifier;
    private final ExecutorService messageThreads = Executors.newCachedThreadPool(messageThreads());

    public CollectorRunner(Stores stores, SecretCipher cipher, MailSources sources,
                           MessageDelivery delivery, CollectorsConfiguration configuration,
                           Clock clock, Path temporaryFolder, Predicate<Username> ownerExists,
                           PauseNotifier pauseNotifier) {
        this.stores = stores;
        this.cipher = cipher;
        this.sources = sources;
        this.delivery = delivery;
        this.configuration = configuration;
        this.failurePolicy = FailurePolicy.of(configuration);
        this.clock = clock;
        this.temporaryFolder = temporaryFolder;
        this.ownerExists = ownerExists;
        this.pauseNotifier = pauseNotifier;
    }

    @Override
    public Run start(Collector collector, Run.Trigger trigger) {
        Run run = Run.started(RunId.random(), collector.id(), trigger, clock.instant());
        stores.runs().save(run);
        return run;
    }

    /** Runs the collector to the end, stores the finished run and the collector's new state. */
    @Override
    public Run run(Collector collector, Run started) {
        MDC.put("collector", collector.id().asString());
        try {
            RunTally tally = new RunTally();
            Optional<RunFailure> failure = collectGuarded(collector, tally);
            Run finished = finish(started, tally, failure);
            updateCollector(collector.id(), started.startedAt(), failure);
            logSummary(collector, finished);
            return finished;
        } finally {
            MDC.remove("collector");
        }
    }

    private Optional<RunFailure> collectGuarded(Collector collector, RunTally tally) {
        try {
            return collect(collector, tally);
        } catch (RuntimeException e) {
            LOGGER.error("Collector run failed unexpectedly: {}", e.toString(), e);
            return Optional.of(RunFailure.of(RunFailure.Code.LOCAL,
                "an internal error stopped the collection; it will be retried"));
        }
    }

    private Optional<RunFailure> collect(Collector collector, RunTally tally) {
        if (!ownerExists.test(collector.owner())) {
            return Optional.of(RunFailure.of(RunFailure.Code.OWNER_UNKNOWN,
                "the owner of this collector is not a user of this server (any more)"));
        }
        Password password;
        try {
            password = cipher.decrypt(collector.id(), collector.encryptedPassword());
        } catch (SecretException e) {
            LOGGER.error("Cannot decrypt the stored password: {}", e.getMessage());
            return Optional.of(RunFailure.of(RunFailure.Code.PASSWORD_UNREADABLE,
                "the stored password cannot be read on this server; enter it again"));
        }
        MailSource source;
        try {
            source = sources.open(collector.owner(), collector.account(), password,
                configuration.allowPlaintext());
        } catch (RemoteException e) {
            return Optional.of(RemoteFailures.toRunFailure(e));
        }
        return collectFrom(source, collector, tally);
    }

    private Optional<RunFailure> collectFrom(MailSource source, Collector collector,
                                             RunTally tally) {
        Optional<RunFailure> failure;
        try {
            failure = processListing(source, collector, tally);
        } catch (RemoteException e) {
            source.abort();
            return Optional.of(RemoteFailures.toRunFailure(e));
        } catch (RuntimeException | Error e) {
            source.abort();
            throw e;
        }
        closeQuietly(source);
        return failure;
    }

    /**
     * Ends the session. Everything collected is already recorded, so a session that does not end
     * well loses nothing: POP3 deletions not committed are simply done again at the next run.
     */
    private static void closeQuietly(MailSource source) {
        try {
            source.close();
        } catch (RemoteException e) {
            LOGGER.warn("The remote session did not end cleanly ({}); pending deletions are retried"
                + " at the next run", e.userMessage());
        }
    }

    private Optional<RunFailure> processListing(MailSource source, Collector collector,
                                                RunTally tally) throws RemoteException {
        List<RemoteMessage> listing = source.messages();
        FetchStateStore fetchStates = stores.fetchStates();
        Set<String> listed = listing.stream().map(RemoteMessage::key).collect(Collectors.toSet());
        fetchStates.retainOnly(collector.id(), listed);
        Map<String, Status> statuses = fetchStates.statuses(collector.id());
        MessagePlan plan = MessagePlan.of(listing, statuses, collector.account().protocol(),
            collector.retention(), MessagePlan.Limits.of(configuration.maxMessageSize(),
                configuration.maxMessagesPerRun(), configuration.maxBytesPerRun()));
        PlanRunner.Tools tools = new PlanRunner.Tools(fetchStates, delivery, clock, messageThreads,
            temporaryFolder, configuration.maxMessageSize(), configuration.parallelDeliveries());
        return PlanRunner.run(tools, source, collector, tally, plan);
    }

    private Run finish(Run started, RunTally tally, Optional<RunFailure> failure) {
        Optional<RunFailure> reported = failure.or(tally::lastMessageFailure);
        Run finished = started.finish(clock.instant(), outcome(tally, failure), tally.messages(),
            tally.bytes(), tally.skipped(), reported.map(RunFailure::asRunError));
        stores.runs().save(finished);
        stores.runs().trim(started.collectorId(), configuration.runHistorySize());
        return finished;
    }

    private static Run.Outcome outcome(RunTally tally, Optional<RunFailure> failure) {
        if (failure.isPresent()) {
            return tally.messages() > 0 ? Run.Outcome.PARTIAL : Run.Outcome.FAILED;
        }
        return tally.skipped() > 0 ? Run.Outcome.PARTIAL : Run.Outcome.SUCCESS;
    }

    /**
     * Applies the failure policy to the collector as stored now, retrying if it changed meanwhile.
     */
    private void updateCollector(CollectorId id, Instant startedAt, Optional<RunFailure> failure) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Optional<Collector> current = stores.collectors().find(id);
            if (current.isEmpty()) {
                return;
            }
            Collector next = failure
                .map(f -> failurePolicy.afterFailure(current.get(), f, clock.instant()))
                .orElseGet(() -> failurePolicy.afterSuccess(current.get(), startedAt));
            try {
                Collector stored = stores.collectors().update(next);
                if (stored.paused() && !current.get().paused()) {
                    LOGGER.warn("Collector paused: code={} message={}", stored.problem()
                        .map(Problem::code).orElse("none"), stored.problem().map(Problem::message)
                        .orElse(""));
                    pauseNotifier.collectorPaused(stored);
                }
                return;
            } catch (StaleCollectorException e) {
                LOGGER.debug("Collector changed during its run; applying the result again");
            } catch (org.jamescollectors.store.DuplicateCollectorException e) {
                throw new IllegalStateException("a run never renames a collector", e);
            }
        }
        LOGGER.warn("Could not record the run's result on the collector after {} attempts",
            UPDATE_ATTEMPTS);
    }

    /** Threads that download messages and hand them to James for the runs. */
    private static ThreadFactory messageThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "collector-message-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void logSummary(Collector collector, Run run) {
        Duration took = Duration.between(run.startedAt(), run.finishedAt().orElse(run.startedAt()));
        LOGGER.info("Collector run {}: protocol={} host={} messages={} bytes={} skipped={} error={}"
                + " durationMs={}", run.outcome().wireName(),
            collector.account().protocol().wireName(), collector.account().host(), run.messages(),
            run.bytes(), run.skipped(), run.error().map(Run.Error::code).orElse("none"),
            took.toMillis());
    }
}
