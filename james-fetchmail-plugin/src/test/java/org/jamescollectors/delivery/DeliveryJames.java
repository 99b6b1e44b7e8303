package org.jamescollectors.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.core.Username;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.utils.GuiceProbe;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Protocol;

import com.google.inject.multibindings.Multibinder;

/** A James memory server for delivery tests, booted once per test class, and test messages. */
final class DeliveryJames {
    static final String DOMAIN = "collect.test";
    static final String PASSWORD = "secret";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final AtomicInteger KEYS = new AtomicInteger();

    private DeliveryJames() {
    }

    /** A server configured from the class-path folder {@code confFolder}, bound to nothing. */
    static JamesServerExtension server(String confFolder) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(tmpDir ->
                MemoryJamesConfiguration.builder()
                    .workingDirectory(tmpDir)
                    .configurationPath(new Configuration.ConfigurationPath(
                        "classpath:" + confFolder + "/"))
                    .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
                    .build())
            .server(MemoryJamesServerMain::createServer)
            .overrideServerModule(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
                .addBinding().to(DeliveryProbe.class))
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    /** A user name no other test of the JVM uses. */
    static Username freshUser(String prefix) {
        return Username.of(prefix + "-" + USERS.incrementAndGet() + "@" + DOMAIN);
    }

    static String freshKey() {
        return "imap:1700000:" + KEYS.incrementAndGet();
    }

    static Path write(Path folder, byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(folder, "collected", ".eml"), bytes);
    }

    static Path write(Path folder, String text) throws IOException {
        return write(folder, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A message of a fresh IMAP collector of {@code owner}, read from {@code file}. */
    static CollectedMessage.Builder message(Username owner, Path file) throws IOException {
        return CollectedMessage.builder()
            .owner(owner)
            .collectorId(CollectorId.random())
            .collectorName("remote mailbox")
            .messageKey(freshKey())
            .protocol(Protocol.IMAP)
            .remoteHost("imap.remote.test")
            .content(file, Files.size(file));
    }
}
