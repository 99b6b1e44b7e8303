package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * Remote passwords never reach a log line or an API answer. James logs with a layout that prints
 * the whole log context and the shipped logger levels; collectors are created, changed, run and
 * failed with distinctive passwords; then every log line and every response body is searched
 * for each password in its plain, JSON, URL and base64 forms.
 */
class SecretsSearchTest {
    private static final FullContextLog LOG = startLog();

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of(
        "collection.minimumInterval", "0s",
        "failures.pauseAfterAuthenticationFailures", "2"));

    private static final String SAM = "sam";
    private static final String ZOE = "zoe";

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> answers = new ArrayList<>();

    private static FullContextLog startLog() {
        try {
            return FullContextLog.start(Path.of("target", "secrets-search", "james.log"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the test's log file", e);
        }
    }

    @AfterAll
    static void stopLog() {
        LOG.close();
    }

    @Test
    void passwordsShouldAppearInNoLogLineAndNoAnswer(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB);
        String samPassword = secret("sam");
        String zoePassword = secret("zoe-\u00e9t\u00e9-\u20ac-\ud83d\udce7");
        servers.remote().user(SAM, samPassword);
        servers.remote().user(ZOE, zoePassword);

        exercise(server, samPassword, zoePassword);

        String log = LOG.read();
        List<String> hits = new ArrayList<>();
        int searched = 0;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            for (String form : forms(secret.getValue())) {
                searched++;
                if (log.contains(form)) {
                    hits.add(secret.getKey() + " in " + LOG.file());
                }
                answers.stream().filter(answer -> answer.contains(form)).findFirst()
                    .ifPresent(answer -> hits.add(secret.getKey() + " in an answer: " + answer));
            }
        }
        System.out.printf("Secrets search: %d forms of %d secret strings, %d log lines, %d answers,"
            + " %d hits%n", searched, secrets.size(), log.lines().count(), answers.size(),
            hits.size());

        assertThat(log).as("the log file %s is written", LOG.file())
            .contains("Collector created").contains("WebAdmin response received");
        assertThat(hits).isEmpty();
    }

    private void exercise(GuiceJamesServer server, String samPassword, String zoePassword)
        throws Exception {
        String sam = created(server, body("Sam", SAM, samPassword));
        answer(post(server, body("Sam wrong", SAM, secret("wrong"))));
        answer(post(server, body("Zoe", ZOE, zoePassword)));
        answer(post(server, body("Zoe wrong", ZOE, secret("faux-\u00fc\u00df"))));
        answer(patch(server, sam, "{\"password\": \"" + secret("patch-wrong") + "\"}"));
        answer(patch(server, sam, "{\"password\": \"" + samPassword + "\", \"name\": \"Sam 2\"}"));
        run(server, sam);
        String changed = secret("changed");
        servers.remote().user(SAM, changed);
        run(server, sam);
        run(server, sam);
        answer(collectNow(server, sam));
        answer(patch(server, sam, "{\"password\": \"" + changed + "\"}"));
        run(server, sam);
        readEverything(server, sam);
    }

    private String secret(String label) {
        String random = Long.toHexString(new SecureRandom().nextLong() | Long.MIN_VALUE);
        String secret = "Zq7-SECRET-" + label + "-" + random;
        secrets.put(label, secret);
        secrets.put(label + " (its random part)", random);
        return secret;
    }

    /** The password as it could leak: plain, JSON-escaped, URL-encoded, base64, SASL PLAIN. */
    private static List<String> forms(String secret) {
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(secret, jsonEscaped(secret),
            URLEncoder.encode(secret, StandardCharsets.UTF_8), base64.encodeToString(bytes),
            base64.encodeToString(("\u0000" + SAM + "\u0000" + secret)
                .getBytes(StandardCharsets.UTF_8)),
            base64.encodeToString(("\u0000" + ZOE + "\u0000" + secret)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String jsonEscaped(String secret) {
        StringBuilder escaped = new StringBuilder();
        secret.chars().forEach(c -> escaped.append(c < 0x80 ? String.valueOf((char) c)
            : String.format("\\u%04x", c)));
        return escaped.toString();
    }

    private static String body(String name, String user, String password) {
        return "{\"name\": \"" + name + "\", \"protocol\": \"imap\", \"host\": \"" + TlsRemote.HOST
            + "\", \"port\": 993, \"security\": \"tls\", \"username\": \"" + user
            + "\", \"password\": \"" + password + "\"}";
    }

    private String created(GuiceJamesServer server, String body) {
        Response response = post(server, body);
        answer(response);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.path("id");
    }

    private void run(GuiceJamesServer server, String collector) throws Exception {
        Response response = collectNow(server, collector);
        answer(response);
        if (response.statusCode() == 202) {
            Requests.awaitRun(server, BOB, collector, response.path("id"));
        }
    }

    private void readEverything(GuiceJamesServer server, String collector) {
        answer(given(as(server, BOB)).get("/collectors"));
        answer(given(as(server, BOB)).get("/collectors/" + collector));
        answer(given(as(server, BOB)).get("/collectors/" + collector + "/runs"));
        answer(given(as(server, BOB)).get("/collectors/usage"));
        answer(given(CollectorsServer.spec(server)).get("/collectors-admin/stats"));
        answer(given(CollectorsServer.spec(server)).get("/metrics"));
        answer(given(CollectorsServer.spec(server)).get("/healthcheck"));
    }

    private static Response post(GuiceJamesServer server, String body) {
        return given(as(server, BOB)).body(body).post("/collectors");
    }

    private static Response collectNow(GuiceJamesServer server, String collector) {
        return given(as(server, BOB)).post("/collectors/" + collector + "/runs");
    }

    private static Response patch(GuiceJamesServer server, String collector, String body) {
        return given(as(server, BOB)).body(body).patch("/collectors/" + collector);
    }

    private void answer(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isLessThan(500);
        answers.add(response.getHeaders().toString() + "\n" + response.asString());
    }
}
