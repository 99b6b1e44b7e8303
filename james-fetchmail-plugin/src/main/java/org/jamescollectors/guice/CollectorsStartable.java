package org.jamescollectors.guice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.utils.UserDefinedStartable;
import org.jamescollectors.delivery.CollectedProcessorCheck;
import org.jamescollectors.manage.OwnerSweep;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.rotation.SecretKeyRing;
import org.jamescollectors.store.Stores;
import org.jamescollectors.store.jdbc.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts collection once James is up, named in {@code extensions.properties} as
 * {@code guice.extension.startable}. Collection starts only when everything it relies on is right:
 * the store answers, the secret key is the one the store's passwords were sealed with, and James'
 * mailet container has the processor for collected mail. Otherwise James runs without collection,
 * the reason is logged as an ERROR and the health check reports it.
 */
public final class CollectorsStartable implements UserDefinedStartable {
    private static final List<String> DISTRIBUTED_MAILBOXES = List.of("Cassandra", "Distributed");
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorsStartable.class);

    private final Stores stores;
    private final SecretCipher cipher;
    private final CollectedProcessorCheck processorCheck;
    private final CollectionScheduler scheduler;
    private final CollectorsStatus status;
    private final StoreLocation storeLocation;
    private final MailboxManager mailboxManager;
    private final OwnerSweep ownerSweep;

    @Inject
    CollectorsStartable(Stores stores, SecretCipher cipher, CollectedProcessorCheck processorCheck,
                        CollectionScheduler scheduler, CollectorsStatus status,
                        StoreLocation storeLocation, MailboxManager mailboxManager,
                        OwnerSweep ownerSweep) {
        this.ownerSweep = ownerSweep;
        this.storeLocation = storeLocation;
        this.mailboxManager = mailboxManager;
        this.stores = stores;
        this.cipher = cipher;
        this.processorCheck = processorCheck;
        this.scheduler = scheduler;
        this.status = status;
    }

    @Override
    public void start() {
        List<String> problems = new ArrayList<>();
        privateStoreProblem().ifPresent(problems::add);
        keyProblem().ifPresent(problems::add);
        processorCheck.problem().ifPresent(problems::add);
        if (!problems.isEmpty()) {
            status.refuse(problems);
            LOGGER.error("Collection is NOT started: {}", String.join("; ", problems));
            return;
        }
        scheduler.start();
        ownerSweep.start();
        status.started();
        LOGGER.info("Collectors started; store: {}", stores.describe());
    }

    /**
     * A node of a distributed James keeps its mail in a shared cluster; collectors in a database
     * of its own would run again on every node. So there the store must be named explicitly.
     */
    private Optional<String> privateStoreProblem() {
        String mailbox = mailboxManager.getClass().getName();
        boolean distributed = DISTRIBUTED_MAILBOXES.stream().anyMatch(mailbox::contains);
        if (distributed && storeLocation.source() == StoreLocation.Source.EMBEDDED_DERBY) {
            return Optional.of("this James keeps its mail in a cluster (" + mailbox + ") but the"
                + " collectors would use an embedded database of this node only; set store.jdbc.url"
                + " in collectors.properties to a database every node shares");
        }
        return Optional.empty();
    }

    private Optional<String> keyProblem() {
        String fingerprint = cipher.fingerprint();
        String stored = stores.metadata().putIfAbsent(SecretKeyRing.FINGERPRINT, fingerprint);
        if (stored.equals(fingerprint)) {
            return Optional.empty();
        }
        return Optional.of("the secret key file (" + fingerprint + ") is not the key the collector"
            + " store's passwords were encrypted with (" + stored + "); give this node the same key"
            + " file as the others, or restore the right one from your backup");
    }

    @PreDestroy
    public void stop() {
        ownerSweep.stop();
        scheduler.close();
        stores.close();
    }
}
