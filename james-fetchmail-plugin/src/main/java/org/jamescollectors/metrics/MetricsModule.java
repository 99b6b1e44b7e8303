package org.jamescollectors.metrics;

import java.time.Clock;

import javax.inject.Singleton;

import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.store.Stores;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Binds {@link RunMetrics} to James' metric factory and registers the store gauges with James'
 * gauge registry, once. Installed by the plugin's module.
 */
public final class MetricsModule extends AbstractModule {
    @Provides
    @Singleton
    RunMetrics runMetrics(MetricFactory metricFactory, CollectorGauges gauges) {
        return CollectorMetrics.of(metricFactory);
    }

    @Provides
    @Singleton
    CollectorGauges gauges(GaugeRegistry registry, Stores stores,
                           CollectorsConfiguration configuration, Clock clock) {
        return CollectorGauges.register(registry, stores.collectors(), configuration.interval(),
            clock);
    }
}
