package org.jamescollectors.webadmin;

import javax.inject.Inject;

import org.apache.james.utils.GuiceProbe;
import org.jamescollectors.manage.OwnerSweep;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.store.Stores;

/** Gives tests the plugin's own objects inside the running James. */
public final class CollectorsProbe implements GuiceProbe {
    private final Stores stores;
    private final OwnerSweep ownerSweep;
    private final CollectionScheduler scheduler;

    @Inject
    CollectorsProbe(Stores stores, OwnerSweep ownerSweep, CollectionScheduler scheduler) {
        this.stores = stores;
        this.ownerSweep = ownerSweep;
        this.scheduler = scheduler;
    }

    public Stores stores() {
        return stores;
    }

    public OwnerSweep ownerSweep() {
        return ownerSweep;
    }

    public CollectionScheduler scheduler() {
        return scheduler;
    }
}
