package org.jamescollectors.delivery;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.mailetcontainer.api.MailProcessor;
import org.apache.james.mailetcontainer.lib.AbstractStateCompositeProcessor;
import org.apache.james.mailetcontainer.lib.AbstractStateMailetProcessor;
import org.apache.mailet.Mailet;

/**
 * Checks that James' running mailet container can deliver collected mail: a processor named
 * {@value CollectedMailSubmitter#PROCESSOR} whose mailets include {@link CollectorSieve} and,
 * after it, {@link CollectorDelivery}. Call it once James has started its mailet container.
 */
public final class CollectedProcessorCheck {
    private static final String SIEVE = CollectorSieve.class.getName();
    private static final String DELIVERY = CollectorDelivery.class.getName();
    private static final String PROCESSOR = CollectedMailSubmitter.PROCESSOR;
    private static final String HINT = " Add to mailetcontainer.xml a <processor state=\""
        + PROCESSOR + "\"> whose mailets include " + SIEVE + " then " + DELIVERY + ".";

    private final MailProcessor processor;

    @Inject
    public CollectedProcessorCheck(MailProcessor processor) {
        this.processor = processor;
    }

    /** A sentence saying what is wrong and how to fix it; empty when all is well. */
    public Optional<String> problem() {
        if (!(processor instanceof AbstractStateCompositeProcessor)) {
            return Optional.of("James' mail processor is a " + processor.getClass().getName()
                + ", not the state processor of James' mailet container; cannot find the '"
                + PROCESSOR + "' processor.");
        }
        return problemOf((AbstractStateCompositeProcessor) processor);
    }

    private Optional<String> problemOf(AbstractStateCompositeProcessor composite) {
        if (composite.getProcessorStates().length == 0) {
            return Optional.of("James' mailet container has not started its processors yet.");
        }
        MailProcessor collected = composite.getProcessor(PROCESSOR);
        if (collected == null) {
            return Optional.of("James' mailet container has no '" + PROCESSOR
                + "' processor, so collected mail cannot be delivered." + HINT);
        }
        if (!(collected instanceof AbstractStateMailetProcessor)) {
            return Optional.of("The '" + PROCESSOR + "' processor is a "
                + collected.getClass().getName() + ", not a mailet processor." + HINT);
        }
        return problemWithMailets(mailetClasses((AbstractStateMailetProcessor) collected));
    }

    /** The problem with a {@code collected} processor running these mailet classes, in order. */
    static Optional<String> problemWithMailets(List<String> mailets) {
        int delivery = mailets.indexOf(DELIVERY);
        int sieve = mailets.indexOf(SIEVE);
        if (delivery < 0) {
            return Optional.of("The '" + PROCESSOR + "' processor has no " + DELIVERY
                + " mailet, so collected mail would never be stored. Its mailets are " + mailets
                + "." + HINT);
        }
        if (sieve < 0) {
            return Optional.of("The '" + PROCESSOR + "' processor has no " + SIEVE
                + " mailet, so users' Sieve filters would not apply to collected mail." + HINT);
        }
        if (sieve > delivery) {
            return Optional.of("In the '" + PROCESSOR + "' processor " + SIEVE + " comes after "
                + DELIVERY + ", so users' Sieve filters would never run." + HINT);
        }
        return Optional.empty();
    }

    private static List<String> mailetClasses(AbstractStateMailetProcessor processor) {
        return processor.getMailets().stream()
            .map(Mailet::getClass)
            .map(Class::getName)
            .collect(Collectors.toList());
    }
}
