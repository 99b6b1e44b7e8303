package org.jamescollectors.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.awaitility.Awaitility;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.DovecotServer.CertificateValidity;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;

/**
 * A remote server whose certificate has expired, or is not valid yet, although the operator's
 * trust store holds that very certificate: runs and the live check at creation refuse it as
 * {@code tls} with a message saying so, before any credential is sent (Dovecot's own log shows
 * no login attempt), and the collector's status through the users' API says the same. The
 * shared Dovecot, whose certificate is current and in the same trust store, is the control.
 */
class OutOfDateCertificateEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension CURRENT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES = CollectorsJames.withUserRoutes(
        OutOfDateCertificateEndToEndTest::settings, Map::of);

    private static final String JAMES_PASSWORD = "owner-secret";
    private static final String REMOTE_PASSWORD = "remote-secret";
    private static final Pattern ANONYMOUS_DISCONNECT =
        Pattern.compile("-login: Info: Disconnected: .*user=<>");
    private static DovecotServer expired;
    private static DovecotServer notYetValid;

    private static Map<String, String> settings() {
        try {
            expired = DovecotServer.start(CertificateValidity.endedDaysAgo(3));
            notYetValid = DovecotServer.start(CertificateValidity.startingInDays(10));
            Map<String, String> settings = Remote.settingsFor(CURRENT.server());
            StringBuilder ports = new StringBuilder(settings.get("targets.allowedPorts"));
            for (DovecotServer server : List.of(expired, notYetValid)) {
                for (Protocol protocol : Protocol.values()) {
                    ports.append(',').append(server.port(protocol, Security.TLS))
                        .append(',').append(server.port(protocol, Security.STARTTLS));
                }
            }
            settings.put("targets.allowedPorts", ports.toString());
            settings.put("remote.trustStore", "file://" + trustingAll().toAbsolutePath());
            return settings;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Dovecots with out-of-date"
                + " certificates", e);
        }
    }

    /** One trust store holding the certificates of all three servers. */
    private static Path trustingAll() throws Exception {
        KeyStore all = KeyStore.getInstance("PKCS12");
        all.load(null, null);
        int index = 0;
        for (DovecotServer server : List.of(CURRENT.server(), expired, notYetValid)) {
            KeyStore one = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(server.trustStore())) {
                one.load(in, DovecotServer.TRUST_STORE_PASSWORD.toCharArray());
            }
            all.setCertificateEntry("server-" + index++,
                one.getCertificate(one.aliases().nextElement()));
        }
        Path file = expired.scratch().resolve("all-three.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            all.store(out, DovecotServer.TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (DovecotServer server : new DovecotServer[] {expired, notYetValid}) {
            if (server != null) {
                server.close();
            }
        }
    }

    static Stream<Arguments> connections() {
        return Stream.of(Protocol.IMAP, Protocol.POP3).flatMap(protocol ->
            Stream.of(Security.TLS, Security.STARTTLS).flatMap(security -> Stream.of(
                Arguments.of(protocol, security, true), Arguments.of(protocol, security, false))));
    }

    @ParameterizedTest(name = "{0} {1} expired={2}")
    @MethodSource("connections")
    void runShouldFailAsTlsBeforeAnyCredentialWhenCertificateIsOutOfDate(Protocol protocol,
        Security security, boolean pastEnd, GuiceJamesServer james) throws Exception {
        DovecotServer server = pastEnd ? expired : notYetValid;
        String remoteUser = remoteUser(server);
        server.deliver(remoteUser, "INBOX", TestMessages.simple("waiting"));
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(server, protocol, security, remoteUser), REMOTE_PASSWORD,
            Retention.fetchAll(), Optional.empty());
        long logStart = Files.size(server.log());

        Run run = Remote.runNow(TestHooks.current(), collector.id());
        JsonPath status = given(UserApi.as(james, owner, JAMES_PASSWORD))
            .get("/collectors/" + collector.id().asString())
            .then().statusCode(200).extract().jsonPath();

        assertThat(run.outcome()).isEqualTo(Run.Outcome.FAILED);
        assertThat(run.error()).map(Run.Error::code).contains("tls");
        String message = run.error().orElseThrow().message();
        assertUnderstandable(message, "localhost", pastEnd);
        assertThat(status.getString("status.state")).isEqualTo("active");
        assertThat(status.getString("status.problem.code")).isEqualTo("tls");
        assertThat(status.getString("status.problem.message")).isEqualTo(message);
        assertThat(status.getString("status.problem.retryAt")).isNotNull();
        assertThat(status.getString("status.lastRun.error.code")).isEqualTo("tls");
        assertThat(status.getString("status.lastRun.error.message")).isEqualTo(message);
        assertNoLoginAttempt(server, logStart, remoteUser);
        assertThat(server.messageCount(remoteUser, "INBOX")).isEqualTo(1);
        assertThat(CollectionEndToEndTest.inbox(james, owner)).isEmpty();
    }

    @ParameterizedTest(name = "expired={0}")
    @ValueSource(booleans = {true, false})
    void creationShouldBeRefusedAsTlsWhenCertificateIsOutOfDate(boolean pastEnd,
        GuiceJamesServer james) throws Exception {
        DovecotServer server = pastEnd ? expired : notYetValid;
        String remoteUser = remoteUser(server);
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        long logStart = Files.size(server.log());

        JsonPath refusal = given(UserApi.as(james, owner, JAMES_PASSWORD))
            .body(creation(server, remoteUser))
            .post("/collectors")
            .then().statusCode(422).extract().jsonPath();
        List<Object> collectors = given(UserApi.as(james, owner, JAMES_PASSWORD))
            .get("/collectors")
            .then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(refusal.getString("type")).isEqualTo("InvalidArgument");
        assertThat(refusal.getString("code")).isEqualTo("tls");
        assertThat(refusal.getString("hint")).isNull();
        assertUnderstandable(refusal.getString("message"), "127.0.0.1", pastEnd);
        assertThat(collectors).isEmpty();
        assertNoLoginAttempt(server, logStart, remoteUser);
    }

    @Test
    void creationShouldCollectWhenCertificateIsCurrent(GuiceJamesServer james) throws Exception {
        DovecotServer server = CURRENT.server();
        String remoteUser = remoteUser(server);
        server.deliver(remoteUser, "INBOX", TestMessages.simple("welcome"));
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);

        given(UserApi.as(james, owner, JAMES_PASSWORD))
            .body(creation(server, remoteUser))
            .post("/collectors")
            .then().statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(60))
            .until(() -> CollectionEndToEndTest.inbox(james, owner).size() == 1);
    }

    private static String creation(DovecotServer server, String remoteUser) {
        return "{\"name\": \"dates\", \"protocol\": \"imap\", \"host\": \"127.0.0.1\", \"port\": "
            + server.port(Protocol.IMAP, Security.TLS) + ", \"security\": \"tls\","
            + " \"username\": \"" + remoteUser + "\", \"password\": \"" + REMOTE_PASSWORD + "\"}";
    }

    private static void assertUnderstandable(String message, String host, boolean pastEnd) {
        assertThat(message).startsWith("The security certificate of " + host + " ")
            .contains(pastEnd ? "expired on" : "is not valid before")
            .contains("nothing was sent")
            .doesNotContain("Exception").doesNotContain("java.").doesNotContain("PKIX");
    }

    /**
     * Dovecot logged the connection as ended with no user ({@code user=<>}: no login was tried),
     * and never names the user: it does for every login, accepted or refused, and every password
     * lookup.
     */
    private static void assertNoLoginAttempt(DovecotServer server, long logStart,
                                             String remoteUser) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> ANONYMOUS_DISCONNECT.matcher(logSince(server, logStart)).find());
        assertThat(logSince(server, logStart)).doesNotContain(remoteUser)
            .doesNotContain("Login:").doesNotContain("auth failed");
    }

    private static String logSince(DovecotServer server, long start) throws Exception {
        byte[] log = Files.readAllBytes(server.log());
        return new String(log, (int) start, log.length - (int) start, StandardCharsets.UTF_8);
    }

    private static String remoteUser(DovecotServer server) {
        String user = TestUsers.next("dates");
        server.addUser(user, REMOTE_PASSWORD);
        return user;
    }
}
