package org.jamescollectors.webadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.crypto.KeyGenerator;

import org.apache.james.utils.GuiceProbe;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.config.CollectorsConfigurationException;
import org.jamescollectors.delivery.DeliveryOutcome;
import org.jamescollectors.manage.HostAddresses;
import org.jamescollectors.manage.provider.DnsServers;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.store.Stores;
import org.jamescollectors.testing.FixedHostAddresses;
import org.jamescollectors.testing.GreenMailRemote;
import org.jamescollectors.testing.JavaMailConnector;
import org.jamescollectors.testing.MapStores;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * What the plugin's own Guice module provides, for tests: map stores, a fresh key, a JavaMail
 * connector to GreenMail (the documentation's {@code mail.example.net} is routed there), the test
 * DNS server, and settings letting collectors reach 127.0.0.1. No run delivers anything: the
 * GreenMail mailboxes stay empty.
 */
final class CollectorsTestModule extends AbstractModule {
    static final String EXAMPLE_HOST = "mail.example.net";

    private final RemoteServers servers;
    private final Map<String, String> settings;

    CollectorsTestModule(RemoteServers servers, Map<String, String> settings) {
        this.servers = servers;
        this.settings = settings;
    }

    @Override
    protected void configure() {
        GreenMailRemote remote = servers.remote();
        bind(Stores.class).toInstance(new MapStores());
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(MailSourceConnector.class).toInstance(JavaMailConnector.routing(Map.of(
            EXAMPLE_HOST + ":993", local(remote.port(Protocol.IMAP)),
            EXAMPLE_HOST + ":995", local(remote.port(Protocol.POP3)))));
        bind(HostAddresses.class).toInstance(FixedHostAddresses.of(Map.of(
            EXAMPLE_HOST, List.of(GreenMailRemote.HOST))));
        InetSocketAddress dns = servers.dns().address();
        bind(DnsServers.class).toInstance(() -> List.of(dns));
        Multibinder.newSetBinder(binder(), GuiceProbe.class).addBinding()
            .to(CollectorsProbe.class);
    }

    private static InetSocketAddress local(int port) {
        return new InetSocketAddress(GreenMailRemote.HOST, port);
    }

    @Provides
    @Singleton
    CollectorsConfiguration configuration() throws CollectorsConfigurationException {
        return CollectorsConfiguration.fromMap(servers.remote().settings(settings));
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
    CollectionScheduler scheduler(Stores stores, SecretCipher cipher, MailSourceConnector connector,
                                  CollectorsConfiguration configuration, Clock clock) {
        CollectorRunner runner = new CollectorRunner(stores, cipher, connector,
            message -> DeliveryOutcome.stored("INBOX"), (owner, id, key) -> false, configuration,
            clock, temporaryFolder());
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
