package org.jamescollectors.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.utils.ClassName;
import org.apache.james.utils.ExtensionConfiguration;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.webadmin.RandomPortSupplier;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.jamescollectors.guice.CollectorsModule;
import org.jamescollectors.guice.CollectorsStartable;
import org.jamescollectors.webadmin.CollectorRoutes;
import org.jamescollectors.webadmin.CollectorsUiRoutes;

import com.google.inject.multibindings.Multibinder;

/**
 * A James memory server with the plugin installed the way operators install it (extension
 * module, startable, health check, the mailet container we ship), booted in the test JVM on
 * ephemeral ports. Its {@code collectors.properties} is written at boot from the given settings.
 */
final class CollectorsJames {
    static final String DOMAIN = "collect.test";
    /** Without these files James would listen on its default ports, on every interface. */
    private static final List<String> RESOURCE_CONF = List.of("dnsservice.xml", "domainlist.xml",
        "usersrepository.xml", "jmx.properties", "mailrepositorystore.xml", "imapserver.xml",
        "lmtpserver.xml", "pop3server.xml", "smtpserver.xml");

    private CollectorsJames() {
    }

    /** One server per test class, its collector settings computed once the test's peers run. */
    static JamesServerExtension perClass(Supplier<Map<String, String>> settings) {
        return perClass(settings, Map::of);
    }

    /** The same, with more files (name to content) written into the server's conf folder. */
    static JamesServerExtension perClass(Supplier<Map<String, String>> settings,
                                         Supplier<Map<String, String>> moreConf) {
        return perClass(settings, moreConf, Optional.empty());
    }

    /**
     * The same, with WebAdmin on 127.0.0.1 (an ephemeral port) serving the users' API and page
     * the way {@code conf-samples/webadmin.properties} lists them.
     */
    static JamesServerExtension withUserRoutes(Supplier<Map<String, String>> settings,
                                               Supplier<Map<String, String>> moreConf) {
        return perClass(settings, moreConf, Optional.of(WebAdminConfiguration.builder()
            .enabled()
            .port(new RandomPortSupplier())
            .host("127.0.0.1")
            .corsDisabled()
            .additionalRoute(CollectorRoutes.class.getName())
            .additionalRoute(CollectorsUiRoutes.class.getName())
            .build()));
    }

    private static JamesServerExtension perClass(Supplier<Map<String, String>> settings,
                                                 Supplier<Map<String, String>> moreConf,
                                                 Optional<WebAdminConfiguration> webAdmin) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(tmpDir -> {
            Path conf = tmpDir.toPath().resolve("conf");
            writeConf(conf, settings.get());
            writeFiles(conf, moreConf.get());
            return MemoryJamesConfiguration.builder()
                .workingDirectory(tmpDir)
                .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
                .build();
        })
            .server(configuration -> MemoryJamesServerMain.createServer(configuration)
                .overrideWith(binder -> binder.bind(ExtensionConfiguration.class).toInstance(
                    new ExtensionConfiguration(
                        List.of(new ClassName(CollectorsModule.class.getName())),
                        List.of(new ClassName(CollectorsStartable.class.getName()),
                            new ClassName(TestHooks.class.getName())))))
                .overrideWith(binder -> webAdmin.ifPresent(routes -> binder
                    .bind(WebAdminConfiguration.class).toInstance(routes))))
            .overrideServerModule(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
                .addBinding().to(MailboxContentProbe.class))
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    private static void writeConf(Path conf, Map<String, String> settings) {
        try {
            Files.createDirectories(conf);
            for (String name : RESOURCE_CONF) {
                try (InputStream in = resource("james-conf/" + name)) {
                    Files.copy(in, conf.resolve(name));
                }
            }
            Files.copy(shippedConf("mailetcontainer.xml"), conf.resolve("mailetcontainer.xml"));
            Files.writeString(conf.resolve("healthcheck.properties"),
                "additional.healthchecks=org.jamescollectors.guice.CollectorsHealthCheck\n");
            String properties = settings.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(conf.resolve("collectors.properties"), properties,
                StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFiles(Path conf, Map<String, String> files) {
        files.forEach((name, content) -> {
            try {
                Files.writeString(conf.resolve(name), content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A file of the repository's {@code conf-samples/}: what operators get is what is tested. */
    private static Path shippedConf(String name) {
        Path samples = Paths.get("").toAbsolutePath();
        while (samples != null && !Files.isDirectory(samples.resolve("conf-samples"))) {
            samples = samples.getParent();
        }
        if (samples == null) {
            throw new IllegalStateException(
                "conf-samples/ not found above " + Paths.get("").toAbsolutePath());
        }
        return samples.resolve("conf-samples").resolve(name);
    }

    private static InputStream resource(String name) {
        InputStream in = CollectorsJames.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        return in;
    }
}
