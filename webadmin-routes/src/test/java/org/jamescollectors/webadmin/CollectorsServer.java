package org.jamescollectors.webadmin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.modules.QuotaProbesImpl;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.james.webadmin.RandomPortSupplier;
import org.apache.james.webadmin.WebAdminConfiguration;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A real James memory server for route tests, WebAdmin on 127.0.0.1 with the collector routes,
 * the plugin's objects bound by {@link CollectorsTestModule}, and what tests call it with.
 */
final class CollectorsServer {
    static final String DOMAIN = "james.example";
    static final String BOB = "bob@" + DOMAIN;
    static final String ALICE = "alice@" + DOMAIN;
    static final String POSTMASTER = "postmaster@" + DOMAIN;
    static final String PASSWORD = "james-secret";

    private CollectorsServer() {
    }

    static JamesServerExtension extension(RemoteServers servers, Map<String, String> settings) {
        return extension(servers, settings, TargetSpy.resolving(Map.of()));
    }

    /** A server resolving names through {@code spy}, which sees every connection allowed. */
    static JamesServerExtension extension(RemoteServers servers, Map<String, String> settings,
                                          TargetSpy spy) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(folder ->
            MemoryJamesConfiguration.builder()
                .workingDirectory(folder)
                .configurationFromClasspath()
                .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
                .build())
            .server(configuration -> MemoryJamesServerMain.createServer(configuration)
                .overrideWith(binder -> binder.bind(WebAdminConfiguration.class)
                    .toInstance(webAdmin()))
                .overrideWith(new CollectorsTestModule(servers, settings, spy)))
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    private static WebAdminConfiguration webAdmin() {
        return WebAdminConfiguration.builder()
            .enabled()
            .port(new RandomPortSupplier())
            .host("127.0.0.1")
            .corsDisabled()
            .additionalRoute(CollectorRoutes.class.getName())
            .additionalRoute(CollectorAdminRoutes.class.getName())
            .additionalRoute(CollectorsUiRoutes.class.getName())
            .build();
    }

    static void addUsers(GuiceJamesServer server, String... users) throws Exception {
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        if (!data.containsDomain(DOMAIN)) {
            data.addDomain(DOMAIN);
        }
        for (String user : users) {
            data.addUser(user, PASSWORD);
        }
    }

    static void setStorageQuota(GuiceJamesServer server, String user, long bytes)
        throws Exception {
        QuotaRoot root = QuotaRoot.quotaRoot("#private&" + user, Optional.of(Domain.of(DOMAIN)));
        server.getProbe(QuotaProbesImpl.class).setMaxStorage(root, QuotaSizeLimit.size(bytes));
    }

    static CollectorsProbe probe(GuiceJamesServer server) {
        return server.getProbe(CollectorsProbe.class);
    }

    /** Requests to this server's WebAdmin, as nobody yet. */
    static RequestSpecification spec(GuiceJamesServer server) {
        int port = server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        return new RequestSpecBuilder()
            .setBaseUri("http://127.0.0.1")
            .setPort(port)
            .setConfig(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultContentCharset(StandardCharsets.UTF_8)
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .build();
    }

    /** Requests signed in with HTTP Basic, sending JSON. */
    static RequestSpecification as(GuiceJamesServer server, String user) {
        return new RequestSpecBuilder().addRequestSpecification(spec(server))
            .addHeader("Authorization", basic(user, PASSWORD))
            .setContentType(ContentType.JSON)
            .build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
    }
}
