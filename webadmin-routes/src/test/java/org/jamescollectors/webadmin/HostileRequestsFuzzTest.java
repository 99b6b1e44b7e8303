package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Thousands of generated malformed, oversized and hostile requests to every user route, from a
 * seeded generator (set {@code -Dfuzz.seed=} to replay one): never a 500, nothing stored changes
 * on a refused request, no connection anywhere but the test remote (the only network the policy
 * allows here), none to the sockets listening on {@value ListeningSpies#ADDRESS}, and no name
 * resolved but through the test's own table.
 */
class HostileRequestsFuzzTest {
    private static final int REQUESTS = 2000;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(90);
    private static final int SPY_PORT = 1993;
    private static final Map<String, String> SETTINGS = new HashMap<>(Map.of(
        "targets.allowedPorts", "110,143,993,995," + SPY_PORT,
        "api.validation.maxPerUser", "100000",
        "limits.collectors.base", "3"));
    private static final TargetSpy SPY = TargetSpy.resolving(RefusedTargetsTest.HOSTS);

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static BeforeAllCallback allowOnlyTheRemote = context ->
        SETTINGS.put("targets.allowedNetworks", servers.remote().address() + "/32");

    @RegisterExtension
    @Order(3)
    static ListeningSpies spies = new ListeningSpies(SPY_PORT);

    @RegisterExtension
    @Order(4)
    static JamesServerExtension james = CollectorsServer.extension(servers, SETTINGS, SPY);

    private static final String[] HOSTS = {"127.0.0.1", "127.0.0.2", "::1", "[::1]",
        "0x7f000001", "2130706433", "0177.0.0.1", "127.1", "localhost", "localhost.",
        "127.0.0.1.nip.io", "spy.example.net", "[::ffff:127.0.0.1]", "::ffff:127.0.0.2",
        "169.254.169.254", "fd00:ec2::254", "metadata.google.internal", "64:ff9b::7f00:1",
        "10.0.0.1", "100.64.0.1", "224.0.0.1", "0.0.0.0", "::", "fe80::1%eth0",
        "\u217cocalhost", "m\u0430il.example.net", "mail.example.net\u0000.evil",
        "mail.example.net:25", "mail.example.net/x", "user@mail.example.net", "",
        "\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54", "mapped.example.net",
        "two-faced.example.net", TlsRemote.HOST};
    private static final String[] FIELDS = {"name", "protocol", "host", "port", "security",
        "username", "password", "sourceFolder", "fetchAll", "deleteAfterFetch", "targetFolder",
        "enabled", "id", "status", "colour", "__proto__", ""};

    private static String existing;

    @BeforeAll
    static void createOneCollector(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB);
        existing = Requests.create(server, BOB, Requests.imapBody("Existing"));
    }

    @Test
    void hostileRequestsShouldNeverGetA500NorChangeAnythingWhenRefused(GuiceJamesServer server)
        throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("HostileRequestsFuzzTest seed: " + seed
            + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Instant deadline = Instant.now().plus(TIME_LIMIT);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        int sent = 0;

        while (sent < REQUESTS && Instant.now().isBefore(deadline)) {
            List<List<Object>> before = stored(server);
            Attempt attempt = attempt(random);
            int status = attempt.send(given(as(server, BOB))).statusCode();
            sent++;
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                violations.add(status + " for " + attempt);
            }
            if (status >= 400 && !stored(server).equals(before)) {
                violations.add("stored change on " + status + " for " + attempt);
            }
        }
        System.out.println("HostileRequestsFuzzTest: " + sent + " requests, statuses "
            + statuses);

        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(violations).isEmpty();
        assertThat(statuses.keySet()).as("refusals seen").contains(400, 404, 422);
        assertThat(SPY.connections()).as("connections the policy let through")
            .allSatisfy(connection -> assertThat(connection)
                .startsWith(TlsRemote.HOST + " " + servers.remote().address() + " "));
        assertThat(spies.accepted()).isZero();
        assertThat(spies.listening()).isPositive();
        assertThat(SPY.lookedUp()).as("names resolved through the test's own table")
            .isNotEmpty();
    }

    /** The owner's collectors as the user set them: what no refused request may change. */
    private static List<List<Object>> stored(GuiceJamesServer server) {
        return CollectorsServer.probe(server).stores().collectors().listByOwner(Username.of(BOB))
            .stream()
            .map(c -> List.<Object>of(c.id(), c.name(), c.account(), c.encryptedPassword(),
                c.retention(), c.targetFolder(), c.enabled()))
            .collect(Collectors.toList());
    }

    private static Attempt attempt(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return new Attempt("POST", "/collectors", body(random));
            case 1:
            case 2:
                return new Attempt("PATCH", "/collectors/" + existing, body(random));
            case 3:
                return new Attempt("PATCH", "/collectors/" + hostileId(random), body(random));
            case 4:
                return new Attempt("GET", "/collectors/providers?address="
                    + URLEncoder.encode(hostile(random), StandardCharsets.UTF_8), null);
            case 5:
                return new Attempt("GET", "/collectors/" + hostileId(random), null);
            case 6:
                return new Attempt("DELETE", "/collectors/" + hostileId(random), null);
            case 7:
                return new Attempt("POST", "/collectors/" + hostileId(random) + "/runs", null);
            case 8:
                return new Attempt("GET", "/collectors/" + existing + "/runs/"
                    + hostileId(random), null);
            default:
                return new Attempt("POST", "/collectors", brokenJson(random));
        }
    }

    private static String body(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", quote("Fuzz " + random.nextInt(1000)));
        fields.put("protocol", quote(random.nextBoolean() ? "imap" : "pop3"));
        fields.put("host", quote(HOSTS[random.nextInt(HOSTS.length)]));
        fields.put("port", Integer.toString(new int[] {110, 143, 993, 995, SPY_PORT, 25, 0}
            [random.nextInt(7)]));
        fields.put("security", quote("tls"));
        fields.put("username", quote(RemoteServers.JEAN));
        fields.put("password", quote(RemoteServers.JEAN_PASSWORD));
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String field = FIELDS[random.nextInt(FIELDS.length)];
            if (random.nextInt(5) == 0) {
                fields.remove(field);
            } else {
                fields.put(field, value(random));
            }
        }
        if (random.nextInt(3) == 0) {
            fields.keySet().retainAll(List.of(FIELDS[random.nextInt(FIELDS.length)],
                FIELDS[random.nextInt(FIELDS.length)]));
        }
        return fields.entrySet().stream()
            .map(entry -> quote(entry.getKey()) + ": " + entry.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A JSON value of any type, often the wrong one, often hostile. */
    private static String value(Random random) {
        switch (random.nextInt(9)) {
            case 0:
                return Integer.toString(random.nextInt());
            case 1:
                return random.nextBoolean() ? "true" : "null";
            case 2:
                return "[" + quote(hostile(random)) + "]";
            case 3:
                return "{\"x\": " + quote(hostile(random)) + "}";
            case 4:
                return "1e999";
            case 5:
                return quote("x".repeat(random.nextInt(80_000)));
            default:
                return quote(hostile(random));
        }
    }

    private static String hostile(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return HOSTS[random.nextInt(HOSTS.length)];
            case 1:
                return "\\u0000\\r\\nA1 LOGOUT\\u001b[31m";
            case 2:
                return "\\ud800" + "\u00e9\u202e\ufeff";
            case 3:
                return "../../etc/passwd%00";
            case 4:
                return "\u0430".repeat(1 + random.nextInt(300));
            default:
                StringBuilder junk = new StringBuilder();
                for (int i = random.nextInt(40); i > 0; i--) {
                    junk.append((char) (0x20 + random.nextInt(0x3000)));
                }
                return junk.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }

    private static String brokenJson(Random random) {
        String body = body(random);
        switch (random.nextInt(4)) {
            case 0:
                return body.substring(0, random.nextInt(body.length()));
            case 1:
                return body.replace(":", random.nextBoolean() ? "" : "::");
            case 2:
                return "[".repeat(random.nextInt(5000)) + body;
            default:
                StringBuilder noisy = new StringBuilder(body);
                for (int i = 0; i < 5; i++) {
                    String noise = "{}[]\",:\\";
                    noisy.insert(random.nextInt(noisy.length()),
                        noise.charAt(random.nextInt(noise.length())));
                }
                return noisy.toString();
        }
    }

    private static String hostileId(Random random) {
        String[] ids = {"x".repeat(2000), "..", "%2e%2e", "00000000-0000-0000-0000-000000000000",
            existing + "x", existing + "%00", "%00", "%20", "null", "-1"};
        return ids[random.nextInt(ids.length)];
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }

    /** One request, described for the failure message without its huge parts. */
    private static final class Attempt {
        private final String method;
        private final String path;
        private final String body;

        private Attempt(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        private Response send(RequestSpecification request) {
            RequestSpecification spec = request.urlEncodingEnabled(false);
            if (body != null) {
                spec = spec.body(body);
            }
            return spec.request(method, path);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300
                ? body.substring(0, 300) + "... (" + body.length() + " chars)" : body;
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
                + " " + shown;
        }
    }
}
