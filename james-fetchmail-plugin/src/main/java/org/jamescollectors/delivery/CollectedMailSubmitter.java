package org.jamescollectors.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailetcontainer.api.MailProcessor;
import org.apache.james.server.core.MailImpl;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import reactor.core.scheduler.Schedulers;

/**
 * Runs one collected message through the {@value #PROCESSOR} processor of James' mailet container,
 * synchronously on the caller's thread, and tells what became of it.
 *
 * <p>Call it from an ordinary worker thread: never from a Reactor {@code parallel} thread, where
 * James' blocking mailets fail. Thread-safe; messages may be submitted concurrently.
 */
@Singleton
public final class CollectedMailSubmitter {
    /** The state of collected mail, and the name of its processor in mailetcontainer.xml. */
    public static final String PROCESSOR = "collected";
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectedMailSubmitter.class);
    private static final String FALLBACK_HOST = "localhost";
    private static final String MDC_COLLECTOR = "collector";

    private final MailProcessor processor;
    private final UsersRepository usersRepository;
    private final DomainList domainList;
    private final CollectedProcessorCheck processorCheck;
    private final PipelineTrace trace;
    private final Clock clock;
    private volatile boolean processorChecked;

    @Inject
    public CollectedMailSubmitter(MailProcessor processor, UsersRepository usersRepository,
                                  DomainList domainList) {
        this(processor, usersRepository, domainList, Clock.systemDefaultZone());
    }

    CollectedMailSubmitter(MailProcessor processor, UsersRepository usersRepository,
                           DomainList domainList, Clock clock) {
        this.processor = processor;
        this.usersRepository = usersRepository;
        this.domainList = domainList;
        this.processorCheck = new CollectedProcessorCheck(processor);
        this.trace = new PipelineTrace(processor);
        this.clock = clock;
    }

    /**
     * Hands {@code message} to James and waits for the pipeline to finish with it. Never throws
     * for a problem with one message: that is a {@link DeliveryOutcome.Kind#FAILED} outcome.
     */
    public DeliveryOutcome submit(CollectedMessage message) {
        String callerCollector = MDC.get(MDC_COLLECTOR);
        MDC.put(MDC_COLLECTOR, message.collectorId().asString());
        try {
            DeliveryOutcome outcome = deliver(message);
            LOGGER.debug("Collected message {} for {}: {}", message.messageKey(),
                message.owner().asString(), outcome);
            return outcome;
        } finally {
            restoreMdc(callerCollector);
        }
    }

    private static void restoreMdc(String callerCollector) {
        if (callerCollector == null) {
            MDC.remove(MDC_COLLECTOR);
        } else {
            MDC.put(MDC_COLLECTOR, callerCollector);
        }
    }

    private DeliveryOutcome deliver(CollectedMessage message) {
        if (Schedulers.isInNonBlockingThread()) {
            return DeliveryOutcome.failedTemporarily("delivery was called from the non-blocking"
                + " thread " + Thread.currentThread().getName()
                + ", where James cannot store mail");
        }
        Optional<DeliveryOutcome> refusal = checkPipeline()
            .or(() -> checkOwner(message))
            .or(() -> checkContent(message));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        MailImpl mail;
        try {
            mail = CollectedMailFactory.create(message, ownerAddress(message), traceHeader(message),
                PROCESSOR);
        } catch (UsersRepositoryException | MessagingException | RuntimeException e) {
            return DeliveryOutcome.failedTemporarily("cannot prepare the mail for James: " + e);
        }
        try {
            return run(mail);
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    private Optional<DeliveryOutcome> checkPipeline() {
        if (processorChecked) {
            return Optional.empty();
        }
        Optional<String> problem = processorCheck.problem();
        problem.ifPresent(text -> LOGGER.error("Cannot deliver collected mail: {}", text));
        processorChecked = problem.isEmpty();
        return problem.map(DeliveryOutcome::failedTemporarily);
    }

    private Optional<DeliveryOutcome> checkOwner(CollectedMessage message) {
        try {
            if (usersRepository.contains(message.owner())) {
                return Optional.empty();
            }
            return Optional.of(DeliveryOutcome.failedPermanently(message.owner().asString()
                + " is not a user of this server"));
        } catch (UsersRepositoryException e) {
            return Optional.of(DeliveryOutcome.failedTemporarily("cannot look up "
                + message.owner().asString() + ": " + e));
        }
    }

    private Optional<DeliveryOutcome> checkContent(CollectedMessage message) {
        try {
            long actual = Files.size(message.content());
            if (actual == message.size()) {
                return Optional.empty();
            }
            return Optional.of(DeliveryOutcome.failedTemporarily("the downloaded file holds "
                + actual + " bytes, " + message.size() + " were expected"));
        } catch (IOException e) {
            return Optional.of(DeliveryOutcome.failedTemporarily(
                "cannot read the downloaded file: " + e));
        }
    }

    private MailAddress ownerAddress(CollectedMessage message) throws UsersRepositoryException {
        return usersRepository.getMailAddressFor(message.owner());
    }

    private TraceHeader traceHeader(CollectedMessage message) {
        return TraceHeader.of(message, localHost(), ZonedDateTime.now(clock));
    }

    private String localHost() {
        try {
            return domainList.getDefaultDomain().asString();
        } catch (DomainListException e) {
            return FALLBACK_HOST;
        }
    }

    private DeliveryOutcome run(MailImpl mail) {
        try (PipelineTrace.Track track = trace.follow(mail)) {
            try {
                processor.service(mail);
            } catch (Exception e) {
                LOGGER.warn("James' mail pipeline failed on collected mail {}", mail.getName(), e);
                return DeliveryOutcome.failedTemporarily("the mail pipeline failed: " + e);
            }
            return PipelineVerdict.of(mail, track);
        }
    }
}
