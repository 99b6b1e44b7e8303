package org.jamescollectors.delivery;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.james.core.MailAddress;
import org.apache.james.mailetcontainer.api.MailProcessor;
import org.apache.james.mailetcontainer.lib.AbstractStateCompositeProcessor;
import org.apache.james.mailetcontainer.lib.AbstractStateMailetProcessor;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows collected mails through James' processors, with the listener hooks James' mailet
 * processors offer, to tell afterwards how each one ended.
 *
 * <p>It also keeps collected mail from being answered: as soon as a followed mail shows up in a
 * processor that bounces in James' configurations ({@code error}, {@code bounces},
 * {@code relay-denied}, {@code local-address-error}, {@code rrt-error}) or a mailet or matcher
 * failed on it, its envelope sender becomes the null sender, so James' {@code Bounce} and
 * {@code DSNBounce} mailets have nobody to write to. Collected mail was never sent to this
 * server; answering its sender would be backscatter.
 *
 * <p>Listeners run on the thread that called {@link MailProcessor#service}.
 */
final class PipelineTrace {
    static final Set<String> ANSWERING_PROCESSORS =
        Set.of(Mail.ERROR, "bounces", "relay-denied", "local-address-error", "rrt-error");
    private static final Logger LOGGER = LoggerFactory.getLogger(PipelineTrace.class);

    private final MailProcessor processor;
    private final ConcurrentMap<String, Track> inFlight = new ConcurrentHashMap<>();
    private volatile boolean attached;

    PipelineTrace(MailProcessor processor) {
        this.processor = processor;
    }

    /** Starts following {@code mail}; {@link Track#close()} stops. */
    Track follow(MailImpl mail) {
        attachOnce();
        Track track = new Track(this, mail);
        inFlight.put(mail.getName(), track);
        return track;
    }

    private void attachOnce() {
        if (attached) {
            return;
        }
        synchronized (this) {
            if (!attached && processor instanceof AbstractStateCompositeProcessor) {
                attached = attachTo((AbstractStateCompositeProcessor) processor);
            }
        }
    }

    private boolean attachTo(AbstractStateCompositeProcessor composite) {
        String[] states = composite.getProcessorStates();
        if (states.length == 0) {
            return false;
        }
        for (String state : states) {
            MailProcessor child = composite.getProcessor(state);
            if (child instanceof AbstractStateMailetProcessor) {
                ((AbstractStateMailetProcessor) child).addListener(new Listener(state));
            }
        }
        LOGGER.debug("Following collected mail through processors {}", Set.of(states));
        return true;
    }

    private void forget(Track track) {
        inFlight.remove(track.mail.getName(), track);
    }

    /** What one collected mail went through; used only by the thread that submits it. */
    static final class Track implements AutoCloseable {
        private final PipelineTrace trace;
        private final MailImpl mail;
        private Optional<String> answeringProcessor = Optional.empty();
        private Optional<Throwable> failure = Optional.empty();
        private Optional<String> lastMailet = Optional.empty();
        private Optional<String> lastProcessor = Optional.empty();
        private Optional<String> stateAfterLastMailet = Optional.empty();

        private Track(PipelineTrace trace, MailImpl mail) {
            this.trace = trace;
            this.mail = mail;
        }

        private synchronized void afterMatcher(String processorState, Throwable error) {
            visit(processorState);
            recordFailure(error);
        }

        private synchronized void afterMailet(String processorState, String mailet, String state,
                                              Throwable error) {
            visit(processorState);
            recordFailure(error);
            lastMailet = Optional.of(mailet);
            lastProcessor = Optional.of(processorState);
            stateAfterLastMailet = Optional.ofNullable(state);
            if (state != null && ANSWERING_PROCESSORS.contains(state)) {
                defuse();
            }
        }

        private void visit(String processorState) {
            if (ANSWERING_PROCESSORS.contains(processorState)) {
                answeringProcessor = answeringProcessor.or(() -> Optional.of(processorState));
                defuse();
            }
        }

        private void recordFailure(Throwable error) {
            if (error != null) {
                failure = failure.or(() -> Optional.of(error));
                defuse();
            }
        }

        private void defuse() {
            if (mail.hasSender()) {
                LOGGER.debug("Collected mail {} is failing: dropping its envelope sender",
                    mail.getName());
                mail.setSender(null);
            }
        }

        /** The first bouncing processor the mail entered, such as {@code error}. */
        synchronized Optional<String> answeringProcessor() {
            return answeringProcessor;
        }

        /** The first exception a mailet or matcher threw on the mail, if any. */
        synchronized Optional<Throwable> failure() {
            return failure;
        }

        /** True when a mailet left the mail ghosted, rather than it falling off a processor. */
        synchronized boolean ghostedByMailet() {
            return stateAfterLastMailet.filter(Mail.GHOST::equals).isPresent();
        }

        /** The last mailet that ran on the mail, as {@code name in processor}. */
        synchronized Optional<String> lastStep() {
            return lastMailet.map(mailet -> mailet + " in processor "
                + lastProcessor.orElse("?"));
        }

        @Override
        public void close() {
            trace.forget(this);
        }
    }

    private final class Listener implements AbstractStateMailetProcessor.MailetProcessorListener {
        private final String processorState;

        private Listener(String processorState) {
            this.processorState = processorState;
        }

        @Override
        public void afterMailet(Mailet mailet, String mailName, String state, long processTime,
                                Throwable e) {
            Track track = inFlight.get(mailName);
            if (track != null) {
                track.afterMailet(processorState, mailetName(mailet), state, e);
            }
        }

        @Override
        public void afterMatcher(Matcher matcher, String mailName,
                                 Collection<MailAddress> recipients,
                                 Collection<MailAddress> matches, long processTime, Throwable e) {
            Track track = inFlight.get(mailName);
            if (track != null) {
                track.afterMatcher(processorState, e);
            }
        }

        private String mailetName(Mailet mailet) {
            return Optional.ofNullable(mailet.getMailetConfig())
                .map(config -> config.getMailetName())
                .orElse(mailet.getClass().getSimpleName());
        }
    }
}
