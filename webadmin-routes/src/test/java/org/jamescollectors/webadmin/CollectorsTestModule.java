package org.jamescollectors.webadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.KeyGenerator;

import org.apache.james.utils.GuiceProbe;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.config.CollectorsConfigurationException;
import org.jamescollectors.manage.HostAddresses;
import org.jamescollectors.manage.provider.DnsServers;
import org.jamescollectors.notify.PauseNotifier;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.TargetPolicy;
import org.jamescollectors.store.Stores;
import org.jamescollectors.store.memory.InMemoryStores;
import org.jamescollectors.testing.NoDelivery;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * What the plugin's own Guice module provides, for tests: in-memory stores, a fresh key, the
 * real connector with {@code mail.example.net} resolving to the test GreenMail and its test
 * certificate trusted, the test DNS server, and settings letting collectors reach loopback.
 * Runs deliver nothing: the GreenMail mailboxes stay empty.
 */
final class CollectorsTestModule extends AbstractModule {
    private final RemoteServers servers;
    private final Map<String, String> settings;
    private final TargetSpy spy;

    CollectorsTestModule(RemoteServers servers, Map<String, String> settings) {
        this(servers, settings, TargetSpy.resolving(Map.of()));
    }

    /** Resolves through the spy, which also sees every connection the policy lets through. */
    CollectorsTestModule(RemoteServers servers, Map<String, String> settings, TargetSpy spy) {
        this.servers = servers;
        this.settings = settings;
        this.spy = spy;
    }

    @Override
    protected void configure() {
        bind(Stores.class).toInstance(InMemoryStores.create());
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(HostAddresses.class).toInstance(addresses());
        InetSocketAddress dns = servers.dns().address();
        bind(DnsServers.class).toInstance(() -> List.of(dns));
        Multibinder.newSetBinder(binder(), GuiceProbe.class).addBinding()
            .to(CollectorsProbe.class);
    }

    private TargetSpy addresses() {
        return spy.withRemote(TlsRemote.HOST, servers.remote().address());
    }

    @Provides
    @Singleton
    CollectorsConfiguration configuration() throws CollectorsConfigurationException {
        Map<String, String> all = new HashMap<>();
        all.put("targets.allowedNetworks", "127.0.0.0/8");
        all.put("api.auth.failureDelay", "0ms");
        all.putAll(settings);
        return CollectorsConfiguration.fromMap(all);
    }

    @Provides
    @Singleton
    SecretCipher cipher() throws GeneralSecurityException {
        KeyGenerator keys = KeyGenerator.getInstance("AES");
        keys.init(256);
        return SecretCipher.of(keys.generateKey());
    }

    @Provides
    @Singleton
    MailSourceConnector connector(CollectorsConfiguration configuration)
        throws IOException, GeneralSecurityException {
        TargetSpy addresses = addresses();
        Duration timeout = Duration.ofSeconds(10);
        return new MailSourceConnector(addresses::resolve,
            addresses.guard(TargetPolicy.of(configuration)),
            TlsRemote.trust(), Timeouts.of(timeout, timeout, timeout));
    }

    @Provides
    @Singleton
    CollectionScheduler scheduler(Stores stores, SecretCipher cipher, MailSourceConnector connector,
                                  CollectorsConfiguration configuration, Clock clock) {
        CollectorRunner runner = new CollectorRunner(stores, cipher, connector::open,
            NoDelivery.INSTANCE,
            configuration, clock, temporaryFolder(), owner -> true, PauseNotifier.none());
        return new CollectionScheduler(stores, runner, configuration, clock, "test-node");
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("collected-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
