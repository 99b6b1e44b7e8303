package org.jamescollectors.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import org.jamescollectors.delivery.CollectedMessage;
import org.jamescollectors.delivery.DeliveryOutcome;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.jamescollectors.store.FetchStateStore;
import org.jamescollectors.store.FetchStateStore.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one run's message plan over one remote session. Each message is downloaded into a
 * temporary file, recorded as delivering, handed to James, then recorded as collected; remote
 * deletions come once every message has been handled.
 *
 * <p>Three things keep a run fast without weakening that order. The next message downloads while
 * the current one goes through the pipeline. Up to {@code parallelDeliveries} small messages are
 * in James' pipeline at once (a message over {@value #ALONE_ABOVE} bytes goes alone, to bound
 * memory). And the marks are written by a {@link MarkWriter} in the background: "delivering"
 * marks a few messages ahead, "collected" marks as soon as James is done, in shared
 * transactions. A message is never handed to James before its "delivering" mark is durable; a
 * message marked ahead but not reached is forgotten again at the end of the run; and a
 * "collected" mark not yet durable when a run dies is repaired by the next run, which finds the
 * message in the mailbox.
 */
final class PlanRunner {
    private static final Logger LOGGER = LoggerFactory.getLogger(PlanRunner.class);
    static final long ALONE_ABOVE = 1L << 20;
    static final int MARK_AHEAD = 8;

    /** What a pass needs from the runner; the same for every run. */
    static final class Tools {
        private final FetchStateStore fetchStates;
        private final MessageDelivery delivery;
        private final Clock clock;
        private final ExecutorService threads;
        private final Path temporaryFolder;
        private final long maxMessageSize;
        private final int parallelDeliveries;

        Tools(FetchStateStore fetchStates, MessageDelivery delivery, Clock clock,
              ExecutorService threads, Path temporaryFolder, long maxMessageSize,
              int parallelDeliveries) {
            this.fetchStates = fetchStates;
            this.delivery = delivery;
            this.clock = clock;
            this.threads = threads;
            this.temporaryFolder = temporaryFolder;
            this.maxMessageSize = maxMessageSize;
            this.parallelDeliveries = parallelDeliveries;
        }
    }

    private final Tools tools;
    private final MailSource source;
    private final Collector collector;
    private final RunTally tally;
    private final List<RemoteMessage> toDelete = new ArrayList<>();
    private final MarkWriter marks;
    private final Map<String, Long> markedDelivering = new HashMap<>();
    private final Deque<Delivery> inFlight = new ArrayDeque<>();
    private Optional<Download> ahead = Optional.empty();
    private int markedUpTo;

    private PlanRunner(Tools tools, MailSource source, Collector collector, RunTally tally) {
        this.tools = tools;
        this.source = source;
        this.collector = collector;
        this.tally = tally;
        this.marks = new MarkWriter(tools.fetchStates, collector.id(), tools.clock, tools.threads);
    }

    /**
     * Handles every entry of the plan, then deletes remotely what may go. A present result is
     * the failure that stopped the run early. A remote failure is thrown once the marks already
     * earned are written; any other exception is thrown as it came, as a crash would end a run.
     */
    static Optional<RunFailure> run(Tools tools, MailSource source, Collector collector,
                                    RunTally tally, MessagePlan plan) throws RemoteException {
        return new PlanRunner(tools, source, collector, tally).runAll(plan.entries());
    }

    private Optional<RunFailure> runAll(List<MessagePlan.Entry> entries) throws RemoteException {
        Optional<RunFailure> stop;
        try {
            stop = processAll(entries).or(() -> settle(0));
        } catch (RemoteException e) {
            discardAhead();
            settle(0);
            finishMarks();
            throw e;
        } catch (RuntimeException | Error e) {
            // As a crash would: James finishes what it was given, nothing more is recorded.
            discardAhead();
            inFlight.forEach(Delivery::awaitQuietly);
            throw e;
        }
        discardAhead();
        finishMarks();
        if (!toDelete.isEmpty()) {
            source.delete(toDelete);
        }
        return stop;
    }

    private Optional<RunFailure> processAll(List<MessagePlan.Entry> entries)
        throws RemoteException {
        for (int index = 0; index < entries.size(); index++) {
            Optional<RunFailure> stop = process(entries, index);
            if (stop.isPresent()) {
                return stop;
            }
        }
        return Optional.empty();
    }

    /** Handles one planned message; a present result stops the run. */
    private Optional<RunFailure> process(List<MessagePlan.Entry> entries, int index)
        throws RemoteException {
        MessagePlan.Entry entry = entries.get(index);
        RemoteMessage message = entry.message();
        switch (entry.step()) {
            case DELETE:
                toDelete.add(message);
                return Optional.empty();
            case TOO_LARGE:
                LOGGER.debug("Leaving {} on the server: {} bytes is over the limit", message.key(),
                    message.size());
                tally.leftTooLarge(RunFailure.of(RunFailure.Code.TOO_LARGE, "a message of "
                    + message.size() + " bytes is larger than this server accepts ("
                    + tools.maxMessageSize + " bytes); it stays on the remote server"));
                return Optional.empty();
            case RECOVER:
                if (tools.delivery.alreadyDelivered(collector.owner(), collector.id(),
                    message.key())) {
                    LOGGER.info("Message {} was delivered by an interrupted run; not delivering"
                        + " it again", message.key());
                    collected(message);
                    return Optional.empty();
                }
                return deliver(entries, index);
            case DELIVER:
            default:
                return deliver(entries, index);
        }
    }

    private Optional<RunFailure> deliver(List<MessagePlan.Entry> entries, int index)
        throws RemoteException {
        RemoteMessage message = entries.get(index).message();
        Path file = null;
        CollectedMessage collected;
        try {
            file = downloaded(message);
            collected = collectedMessage(message, file);
        } catch (IOException e) {
            Download.deleteQuietly(file);
            LOGGER.error("Cannot spool message {} to {}: {}", message.key(),
                tools.temporaryFolder, e.toString());
            return settle(0).or(() -> Optional.of(RunFailure.of(RunFailure.Code.LOCAL,
                "the server could not store the message temporarily; it will be retried")));
        }
        boolean alone = message.size() > ALONE_ABOVE;
        Optional<RunFailure> stop = alone ? settle(0) : Optional.empty();
        if (stop.isPresent()) {
            Download.deleteQuietly(file);
            return stop;
        }
        ahead = nextDownload(entries, index);
        try {
            markAhead(entries, index);
            Long mark = markedDelivering.remove(message.key());
            if (mark != null) {
                marks.await(mark);
            }
            inFlight.add(Delivery.start(tools.threads, tools.delivery, message, collected, file));
        } catch (RuntimeException | Error e) {
            Download.deleteQuietly(file);
            throw e;
        }
        return settle(alone ? 0 : tools.parallelDeliveries - 1);
    }

    /**
     * Waits for the oldest deliveries until at most {@code keep} are in James' pipeline; a stop
     * waits for all of them, so that every message handed over is accounted for.
     */
    private Optional<RunFailure> settle(int keep) {
        Optional<RunFailure> stop = Optional.empty();
        while (inFlight.size() > (stop.isPresent() ? 0 : keep)) {
            Delivery oldest = inFlight.poll();
            Optional<RunFailure> result = afterDelivery(oldest.message(), oldest.outcome());
            stop = stop.or(() -> result);
        }
        return stop;
    }

    /** The message's file: downloaded ahead while the previous message was delivered, or now. */
    private Path downloaded(RemoteMessage message) throws RemoteException, IOException {
        Optional<Download> started =
            ahead.filter(download -> download.message().key().equals(message.key()));
        if (started.isEmpty()) {
            discardAhead();
        }
        ahead = Optional.empty();
        return started.orElseGet(() -> start(message)).file();
    }

    /**
     * Starts downloading the next message to deliver, unless a message to recover comes first:
     * that one may need no download at all, and the session must be free when it does.
     */
    private Optional<Download> nextDownload(List<MessagePlan.Entry> entries, int index) {
        for (int next = index + 1; next < entries.size(); next++) {
            MessagePlan.Step step = entries.get(next).step();
            if (step == MessagePlan.Step.DELIVER) {
                return Optional.of(start(entries.get(next).message()));
            }
            if (step == MessagePlan.Step.RECOVER) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Download start(RemoteMessage message) {
        return Download.start(tools.threads, source, message, tools.temporaryFolder,
            collector.id());
    }

    private Optional<RunFailure> afterDelivery(RemoteMessage message, DeliveryOutcome outcome) {
        if (outcome.kind() != DeliveryOutcome.Kind.FAILED) {
            collected(message);
            return Optional.empty();
        }
        tools.fetchStates.forget(collector.id(), message.key());
        LOGGER.warn("Delivery of {} failed, left on the server: {}", message.key(),
            outcome.reason());
        if (outcome.overQuota()) {
            return Optional.of(RunFailure.of(RunFailure.Code.OVER_QUOTA,
                "your mailbox is full; collection resumes when there is space again"));
        }
        RunFailure failure = outcome.temporary()
            ? RunFailure.of(RunFailure.Code.LOCAL,
                "a message could not be delivered yet; it will be retried at the next run")
            : RunFailure.of(RunFailure.Code.REJECTED,
                "a message was refused by this server's checks and left on the remote server");
        tally.failed(failure);
        return Optional.empty();
    }

    private void collected(RemoteMessage message) {
        marks.write(message.key(), Status.COLLECTED);
        tally.collected(message.size());
        if (collector.retention().deleteAfterFetch()) {
            toDelete.add(message);
        }
    }

    /**
     * Asks for the "delivering" marks of this message and of the next messages to deliver, up to
     * {@value #MARK_AHEAD} ahead, so that they are durable by the time each is handed over.
     */
    private void markAhead(List<MessagePlan.Entry> entries, int index) {
        int end = Math.min(entries.size(), index + 1 + MARK_AHEAD);
        for (int next = Math.max(index, markedUpTo); next < end; next++) {
            MessagePlan.Entry entry = entries.get(next);
            if (entry.step() == MessagePlan.Step.DELIVER) {
                String key = entry.message().key();
                markedDelivering.put(key, marks.write(key, Status.DELIVERING));
            }
        }
        markedUpTo = Math.max(markedUpTo, end);
    }

    /**
     * Waits for every mark, then forgets the messages marked ahead that the run did not reach,
     * so that they count as new again rather than as possibly delivered.
     */
    private void finishMarks() {
        marks.flush();
        markedDelivering.keySet().forEach(key -> tools.fetchStates.forget(collector.id(), key));
        markedDelivering.clear();
    }

    private void discardAhead() {
        ahead.ifPresent(Download::discard);
        ahead = Optional.empty();
    }

    private CollectedMessage collectedMessage(RemoteMessage message, Path file)
        throws IOException {
        return CollectedMessage.builder()
            .owner(collector.owner())
            .collectorId(collector.id())
            .collectorName(collector.name())
            .messageKey(message.key())
            .protocol(collector.account().protocol())
            .remoteHost(collector.account().host())
            .targetFolder(collector.targetFolder())
            .internalDate(message.internalDate())
            .content(file, Files.size(file))
            .build();
    }
}
