package org.jamescollectors.testing.james;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.SecretKeyFile;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.store.jdbc.StoreLocation;

import com.google.inject.multibindings.Multibinder;

/**
 * A James memory server booted in the test JVM with the whole plugin installed as an operator
 * would: {@code extensions.properties} naming its module, start-up class and task extension, a
 * {@code collectors.properties}, the secret key in conf, WebAdmin on a free port of 127.0.0.1 with
 * the {@code /metrics} route, and the collector store in James' var folder. Nothing listens
 * elsewhere and no name is looked up. The test reaches the store and the key the way a second
 * node would, through the same files.
 */
public final class PluginJames {
    public static final String DOMAIN = "collect.test";
    private static final String CONF_RESOURCES = "/james-plugin/";
    private static final List<String> CONF_FILES = List.of("dnsservice.xml", "domainlist.xml",
        "extensions.properties", "jmx.properties", "mailetcontainer.xml",
        "mailrepositorystore.xml", "usersrepository.xml", "imapserver.xml", "lmtpserver.xml",
        "pop3server.xml", "smtpserver.xml");
    private static final String METRICS_ROUTES =
        "org.apache.james.webadmin.dropwizard.MetricsRoutes";

    private final Supplier<Map<String, String>> settings;
    private final List<String> extraRoutes;
    private volatile Path workingDirectory;

    private PluginJames(Supplier<Map<String, String>> settings, List<String> extraRoutes) {
        this.settings = settings;
        this.extraRoutes = List.copyOf(extraRoutes);
    }

    /**
     * A server whose {@code collectors.properties} holds {@code settings} (read when it boots, so
     * they may name ports of servers started before it), with extra WebAdmin routes.
     */
    public static PluginJames with(Supplier<Map<String, String>> settings, String... extraRoutes) {
        return new PluginJames(settings, List.of(extraRoutes));
    }

    /** The JUnit extension, booting once for the test class. */
    public JamesServerExtension extension() {
        return new JamesServerBuilder<MemoryJamesConfiguration>(folder -> {
                workingDirectory = folder.toPath();
                writeConf(workingDirectory.resolve("conf"));
                return MemoryJamesConfiguration.builder()
                    .workingDirectory(folder)
                    .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
                    .build();
            })
            .server(MemoryJamesServerMain::createServer)
            .overrideServerModule(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
                .addBinding().to(InboxProbe.class))
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    public Path conf() {
        return workingDirectory.resolve("conf");
    }

    /** The collector store the plugin uses, opened anew: close it after use. */
    public JdbcStores openStores() {
        return JdbcStores.open(StoreLocation.embeddedDerby(workingDirectory.resolve("var"), 2));
    }

    /** A cipher over the key file in conf as it is now. */
    public SecretCipher keyFileCipher() throws IOException {
        return SecretCipher.of(SecretKeyFile.load(conf().resolve("collectors-secret.key")));
    }

    /** GETs a WebAdmin path; fails unless the answer is a 2xx. */
    public static String webAdmin(GuiceJamesServer server, String method, String path)
        throws Exception {
        int port = server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered "
                + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void writeConf(Path conf) {
        try {
            Files.createDirectories(conf);
            for (String name : CONF_FILES) {
                String resource = CONF_RESOURCES + name;
                try (InputStream in = PluginJames.class.getResourceAsStream(resource)) {
                    Files.write(conf.resolve(name), in.readAllBytes());
                }
            }
            Files.writeString(conf.resolve("webadmin.properties"), webAdminProperties());
            Files.writeString(conf.resolve("collectors.properties"), collectorsProperties(),
                StandardCharsets.ISO_8859_1);
            SecretKeyFile.create(conf.resolve("collectors-secret.key"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conf folder of the test server", e);
        }
    }

    private String webAdminProperties() {
        String routes = String.join(",", List.of(METRICS_ROUTES, String.join(",", extraRoutes)))
            .replaceAll(",$", "");
        return "enabled=true\nport=0\nhost=127.0.0.1\ncors.enable=false\n"
            + "extensions.routes=" + routes + "\n";
    }

    private String collectorsProperties() {
        Map<String, String> all = new LinkedHashMap<>(settings.get());
        return all.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    }
}
