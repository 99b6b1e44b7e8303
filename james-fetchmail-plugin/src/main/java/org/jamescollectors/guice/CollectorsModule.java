package org.jamescollectors.guice;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.UUID;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.Username;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.utils.PropertiesProvider;
import org.jamescollectors.collect.CollectorRunner;
import org.jamescollectors.collect.MailSources;
import org.jamescollectors.collect.MessageDelivery;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.config.CollectorsConfigurationException;
import org.jamescollectors.delivery.CollectedMailSubmitter;
import org.jamescollectors.delivery.DeliveredMessageFinder;
import org.jamescollectors.manage.OwnServers;
import org.jamescollectors.manage.SelfLoop;
import org.jamescollectors.metrics.MeasuredRuns;
import org.jamescollectors.metrics.MetricsModule;
import org.jamescollectors.metrics.RunMetrics;
import org.jamescollectors.notify.NotificationModule;
import org.jamescollectors.notify.PauseNotifier;
import org.jamescollectors.remote.FolderAccess;
import org.jamescollectors.remote.HostResolver;
import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.MailSourceConnector;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.remote.TlsTrust;
import org.jamescollectors.schedule.CollectionScheduler;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.TargetPolicy;
import org.jamescollectors.security.rotation.KeyRotationModule;
import org.jamescollectors.security.rotation.SecretKeyRing;
import org.jamescollectors.store.Stores;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.store.jdbc.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * The plugin's Guice bindings, named in {@code extensions.properties} as
 * {@code guice.extension.module}. James installs it in a child injector: it only adds bindings of
 * its own (nothing goes into James' multibinder sets) and takes what it needs from James (the
 * mailet pipeline, the mailbox manager, the users repository, the clock, the file system).
 */
public final class CollectorsModule extends AbstractModule {
    private static final Logger LOGGER = LoggerFactory.getLogger(CollectorsModule.class);
    private static final String CONFIGURATION_NAME = "collectors";

    @Provides
    @Singleton
    CollectorsConfiguration configuration(PropertiesProvider properties)
        throws CollectorsConfigurationException, ConfigurationException {
        try {
            return CollectorsConfiguration.from(properties.getConfiguration(CONFIGURATION_NAME));
        } catch (FileNotFoundException e) {
            LOGGER.warn("No conf/{} found: collectors run with the default settings",
                CollectorsConfiguration.FILE_NAME);
            return CollectorsConfiguration.defaults();
        }
    }

    @Override
    protected void configure() {
        install(new NotificationModule());
        install(new MetricsModule());
        install(new KeyRotationModule());
    }

    @Provides
    @Singleton
    SecretKeyRing keyRing(CollectorsConfiguration configuration, FileSystem fileSystem)
        throws FileNotFoundException {
        File keyFile = fileSystem.getFile(asFileSystemUrl(configuration.secretKeyFile()));
        return SecretKeyRing.at(keyFile.toPath());
    }

    /** The key file's key, and while a rotation is unfinished the new key too (see the ring). */
    @Provides
    @Singleton
    SecretCipher cipher(SecretKeyRing ring, Stores stores) throws IOException {
        return ring.openCipher(stores.metadata());
    }

    @Provides
    @Singleton
    StoreLocation storeLocation(CollectorsConfiguration configuration, FileSystem fileSystem)
        throws IOException {
        return StoreLocation.resolve(configuration.storeSettings(),
            fileSystem.getFile("file://conf/").toPath(),
            fileSystem.getFile("file://var/").toPath());
    }

    @Provides
    @Singleton
    Stores stores(StoreLocation location) {
        LOGGER.info("Collector store: {}", location.describe());
        return JdbcStores.open(location);
    }

    @Provides
    @Singleton
    TargetPolicy targetPolicy(CollectorsConfiguration configuration) {
        return TargetPolicy.of(configuration);
    }

    @Provides
    @Singleton
    MailSourceConnector connector(CollectorsConfiguration configuration, TargetPolicy policy,
                                  FileSystem fileSystem)
        throws IOException, GeneralSecurityException {
        TlsTrust trust = TlsTrust.systemDefault();
        if (configuration.trustStore().isPresent()) {
            File file = fileSystem.getFile(asFileSystemUrl(configuration.trustStore().get()));
            trust = TlsTrust.withExtraTrustStore(file.toPath(),
                configuration.trustStorePassword().orElse("").toCharArray(),
                configuration.trustStoreType());
        }
        Timeouts timeouts = Timeouts.of(configuration.connectTimeout(),
            configuration.handshakeTimeout(), configuration.readTimeout());
        return new MailSourceConnector(HostResolver.system(), policy, trust, timeouts);
    }

    @Provides
    @Singleton
    CollectorRunner runner(Stores stores, SecretCipher cipher, MailSourceConnector connector,
                           CollectedMailSubmitter submitter, DeliveredMessageFinder finder,
                           CollectorsConfiguration configuration, Clock clock,
                           FileSystem fileSystem,
                           UsersRepository users, PauseNotifier pauseNotifier,
                           OwnServers ownServers) throws IOException {
        Path spool = fileSystem.getFile("file://var/collectors/spool").toPath();
        Files.createDirectories(spool);
        return new CollectorRunner(stores, cipher, sources(connector, SelfLoop.of(ownServers)),
            MessageDelivery.through(submitter, finder), configuration, clock, spool,
            owner -> ownerExists(users, owner), pauseNotifier);
    }

    /** The connector, refusing at connection time a collector's own mailbox on this James. */
    private static MailSources sources(MailSourceConnector connector, SelfLoop selfLoop) {
        return new MailSources() {
            @Override
            public MailSource open(RemoteAccount account, Password password,
                                   boolean allowPlaintext) throws RemoteException {
                return connector.open(account, password, allowPlaintext);
            }

            @Override
            public MailSource open(Username owner, RemoteAccount account, Password password,
                                   boolean allowPlaintext) throws RemoteException {
                return connector.open(account, password, allowPlaintext, FolderAccess.READ_WRITE,
                    selfLoop.guard(owner, account.username()));
            }
        };
    }

    @Provides
    @Singleton
    CollectionScheduler scheduler(Stores stores, CollectorRunner runner, RunMetrics metrics,
                                  CollectorsConfiguration configuration, Clock clock) {
        return new CollectionScheduler(stores, MeasuredRuns.of(runner, metrics), configuration,
            clock, configuration.nodeId().orElseGet(CollectorsModule::defaultNodeId));
    }

    private static boolean ownerExists(UsersRepository users, Username owner) {
        try {
            return users.contains(owner);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("the users repository cannot be read", e);
        }
    }

    /** Plain paths are taken relative to James' conf folder; James FileSystem URLs as they are. */
    private static String asFileSystemUrl(String location) {
        if (location.contains("://") || location.startsWith("classpath:")) {
            return location;
        }
        if (location.startsWith("/")) {
            return "file://" + location;
        }
        return "file://conf/" + location;
    }

    private static String defaultNodeId() {
        String host = java.util.Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
