package org.jamescollectors.it;

import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.delivery.CollectedMailSubmitter;
import org.jamescollectors.delivery.DeliveredMessageFinder;
import org.jamescollectors.guice.CollectorsStatus;
import org.jamescollectors.manage.CollectorService;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.store.Stores;

/**
 * Lets tests reach the plugin's singletons, which live in James' extension (child) injector where
 * James' probes cannot see them: James starts this like any extension startable.
 */
public final class TestHooks implements UserDefinedStartable {
    private static volatile TestHooks current;

    private final Stores stores;
    private final CollectionScheduler scheduler;
    private final SecretCipher cipher;
    private final CollectorsConfiguration configuration;
    private final CollectedMailSubmitter submitter;
    private final DeliveredMessageFinder finder;
    private final CollectorService service;
    private final CollectorsStatus status;

    @Inject
    TestHooks(Stores stores, CollectionScheduler scheduler, SecretCipher cipher,
              CollectorsConfiguration configuration, CollectedMailSubmitter submitter,
              DeliveredMessageFinder finder, CollectorService service,
              CollectorsStatus status) {
        this.service = service;
        this.status = status;
        this.stores = stores;
        this.scheduler = scheduler;
        this.cipher = cipher;
        this.configuration = configuration;
        this.submitter = submitter;
        this.finder = finder;
    }

    @Override
    public void start() {
        current = this;
    }

    /** The hooks of the James server started last. */
    public static TestHooks current() {
        if (current == null) {
            throw new IllegalStateException("no James server with the plugin has started");
        }
        return current;
    }

    /** What users do through the API, validation included. */
    /** Whether collection started on this node and, if refused, why. */
    public CollectorsStatus status() {
        return status;
    }

    public CollectorService service() {
        return service;
    }

    public Stores stores() {
        return stores;
    }

    public CollectionScheduler scheduler() {
        return scheduler;
    }

    public SecretCipher cipher() {
        return cipher;
    }

    public CollectorsConfiguration configuration() {
        return configuration;
    }

    public CollectedMailSubmitter submitter() {
        return submitter;
    }

    public DeliveredMessageFinder finder() {
        return finder;
    }
}
