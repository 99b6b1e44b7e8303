package org.jamescollectors.guice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.store.Stores;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * James health check for the collectors, named in {@code healthcheck.properties} as
 * {@code additional.healthchecks}: unhealthy when the store does not answer or collection was
 * refused at start-up, degraded when the scheduler stalls, collection is suspended by the operator
 * or collectors are overdue by more than an interval.
 */
public final class CollectorsHealthCheck implements HealthCheck {
    private static final ComponentName COMPONENT = new ComponentName("Mail collectors");
    private static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    private final Stores stores;
    private final CollectionScheduler scheduler;
    private final CollectorsStatus status;
    private final CollectorsConfiguration configuration;
    private final Clock clock;

    @Inject
    CollectorsHealthCheck(Stores stores, CollectionScheduler scheduler, CollectorsStatus status,
                          CollectorsConfiguration configuration, Clock clock) {
        this.stores = stores;
        this.scheduler = scheduler;
        this.status = status;
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public ComponentName componentName() {
        return COMPONENT;
    }

    @Override
    public Publisher<Result> check() {
        return Mono.fromCallable(this::evaluate).subscribeOn(Schedulers.boundedElastic());
    }

    private Result evaluate() {
        try {
            stores.ping();
        } catch (Exception e) {
            return Result.unhealthy(COMPONENT,
                "the collector store does not answer: " + stores.describe());
        }
        if (status.refusal().isPresent()) {
            return Result.unhealthy(COMPONENT, "collection not started: " + status.refusal().get());
        }
        if (!status.isStarted()) {
            return Result.degraded(COMPONENT, "collection is starting");
        }
        Instant now = clock.instant();
        if (scheduler.lastTick().isBefore(now.minus(STALLED_AFTER))) {
            return Result.degraded(COMPONENT, "the collector scheduler has not run since "
                + scheduler.lastTick());
        }
        if (scheduler.isSuspended()) {
            return Result.degraded(COMPONENT, "collection is suspended by the operator");
        }
        if (!stores.collectors().findDue(now.minus(configuration.interval()), 1).isEmpty()) {
            return Result.degraded(COMPONENT, "some collectors are overdue by more than "
                + configuration.interval());
        }
        return Result.healthy(COMPONENT);
    }
}
