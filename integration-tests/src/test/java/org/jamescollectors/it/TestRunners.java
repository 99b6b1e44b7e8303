package org.jamescollectors.it;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.collect.MailSources;
import org.jamescollectors.collect.MessageDelivery;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.delivery.CollectedMessage;
import org.jamescollectors.delivery.DeliveryOutcome;
import org.jamescollectors.notify.PauseNotifier;
import org.jamescollectors.remote.HostResolver;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.DovecotServer;

/** Collector runners built by a test from the server's parts, some of them swapped. */
final class TestRunners {
    private TestRunners() {
    }

    /** Real sessions to the test's Dovecot, trusting its certificate, with no address check. */
    static MailSources dovecot(DovecotServer dovecot) {
        MailSourceConnector connector = new MailSourceConnector(HostResolver.system(),
            (host, address, port) -> { }, dovecot.trust(), Timeouts.defaults());
        return connector::open;
    }

    /** James' own delivery and lookup, as the server wires them. */
    static MessageDelivery delivery(TestHooks hooks) {
        return MessageDelivery.through(hooks.submitter(), hooks.finder());
    }

    /** What a test does around James' delivery of one message. */
    interface AroundDelivery {
        DeliveryOutcome deliver(CollectedMessage message, MessageDelivery james);
    }

    /** Delivery through {@code james} with the test's steps around it; lookups go to James. */
    static MessageDelivery around(MessageDelivery james, AroundDelivery around) {
        return new MessageDelivery() {
            @Override
            public DeliveryOutcome deliver(CollectedMessage message) {
                return around.deliver(message, james);
            }

            @Override
            public boolean alreadyDelivered(Username owner, CollectorId collector, String key) {
                return james.alreadyDelivered(owner, collector, key);
            }
        };
    }

    static CollectorRunner runner(TestHooks hooks, Stores stores, MailSources sources,
                                  MessageDelivery delivery, Path spool) {
        return runner(hooks, hooks.configuration(), stores, sources, delivery, spool);
    }

    static CollectorRunner runner(TestHooks hooks, CollectorsConfiguration configuration,
                                  Stores stores, MailSources sources, MessageDelivery delivery,
                                  Path spool) {
        return new CollectorRunner(stores, hooks.cipher(), sources, delivery, configuration,
            Clock.systemUTC(), spool, owner -> true, PauseNotifier.none());
    }
}
