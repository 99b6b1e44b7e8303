package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.mailbox.model.MultimailboxesSearchQuery;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.utils.ClassName;
import org.apache.james.utils.ExtensionConfiguration;
import org.apache.james.webadmin.RandomPortSupplier;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.guice.CollectorsModule;
import org.jamescollectors.guice.CollectorsStartable;
import org.jamescollectors.testing.GreenMailRemote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routes with the plugin as operators install it: the real Guice module in James' child
 * injector, its startable, an embedded Derby store, the shipped mailet container; only the
 * remote account is GreenMail on 127.0.0.1. A collector created through the API collects a
 * message into the user's James Inbox.
 */
class WiredCollectionTest {
    private static final String SUBJECT = "Collected through the API";
    private static final GreenMailRemote REMOTE = GreenMailRemote.start()
        .user(RemoteServers.JEAN, RemoteServers.JEAN_PASSWORD);

    @RegisterExtension
    static JamesServerExtension james = new JamesServerBuilder<MemoryJamesConfiguration>(folder -> {
        writeConf(folder.toPath().resolve("conf"));
        return MemoryJamesConfiguration.builder()
            .workingDirectory(folder)
            .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
            .build();
    })
        .server(configuration -> MemoryJamesServerMain.createServer(configuration)
            .overrideWith(binder -> binder.bind(WebAdminConfiguration.class)
                .toInstance(WebAdminConfiguration.builder().enabled()
                    .port(new RandomPortSupplier()).host("127.0.0.1").corsDisabled()
                    .additionalRoute(CollectorRoutes.class.getName())
                    .additionalRoute(CollectorAdminRoutes.class.getName()).build()))
            .overrideWith(binder -> binder.bind(ExtensionConfiguration.class).toInstance(
                new ExtensionConfiguration(
                    List.of(new ClassName(CollectorsModule.class.getName())),
                    List.of(new ClassName(CollectorsStartable.class.getName()))))))
        .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
        .build();

    private static void writeConf(Path conf) {
        try {
            Files.createDirectories(conf);
            for (String name : List.of("dnsservice.xml", "domainlist.xml", "usersrepository.xml",
                "mailrepositorystore.xml")) {
                try (InputStream in = WiredCollectionTest.class.getResourceAsStream("/" + name)) {
                    Files.copy(in, conf.resolve(name));
                }
            }
            Files.copy(samples().resolve("mailetcontainer.xml"),
                conf.resolve("mailetcontainer.xml"));
            Files.writeString(conf.resolve("collectors.properties"), String.join("\n",
                "targets.allowedNetworks=127.0.0.0/8",
                "targets.allowedPorts=" + REMOTE.port(Protocol.IMAP),
                "remote.allowPlaintext=true", ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path samples() {
        Path folder = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(folder.resolve("conf-samples"))) {
            folder = folder.getParent();
        }
        return folder.resolve("conf-samples");
    }

    @BeforeAll
    static void prepare(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("jean@remote.example");
        message.setRecipients(MimeMessage.RecipientType.TO, "jean@remote.example");
        message.setSubject(SUBJECT);
        message.setText("Hello from the other mailbox");
        REMOTE.greenMail().getUserManager().getUser(RemoteServers.JEAN).deliver(message);
    }

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    @Test
    void aCollectorCreatedThroughTheApiShouldCollectIntoTheInbox(GuiceJamesServer server)
        throws Exception {
        String id = given(as(server, BOB)).body("{\"name\": \"Jean\", \"protocol\": \"imap\","
                + " \"host\": \"127.0.0.1\", \"port\": " + REMOTE.port(Protocol.IMAP) + ","
                + " \"security\": \"none\", \"username\": \"jean\", \"password\": \""
                + RemoteServers.JEAN_PASSWORD + "\"}")
            .post("/collectors")
            .then().statusCode(201).extract().path("id");

        String run = awaitFirstRun(server, id);

        assertThat(Requests.awaitRun(server, BOB, id, run)).isEqualTo("success");
        given(as(server, BOB)).get("/collectors/" + id + "/runs/" + run)
            .then().body("messages", equalTo(1));
        assertThat(server.getProbe(MailboxProbeImpl.class).searchMessage(
            MultimailboxesSearchQuery.from(SearchQuery.matchAll()).build(), BOB, 10)).hasSize(1);
        assertThat(REMOTE.greenMail().getReceivedMessages()).isEmpty();
        given(as(server, BOB)).post("/collectors/" + id + "/runs").then().statusCode(429);
    }

    /** The scheduler picks a new collector up at once; returns its first run's id. */
    private static String awaitFirstRun(GuiceJamesServer server, String id)
        throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<String> runs = given(as(server, BOB)).get("/collectors/" + id + "/runs")
                .then().statusCode(200).extract().path("id");
            if (!runs.isEmpty()) {
                return runs.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the scheduler did not run the new collector");
    }
}
