package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.security.TargetPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.common.net.InetAddresses;

import io.restassured.response.Response;

/**
 * Every class of target the default policy refuses, tried through {@code POST /collectors}:
 * each gets a 400 or a 422 that does not tell whether anything listens there, nothing is
 * stored, and no connection is made (the policy's witness and sockets listening on
 * {@value ListeningSpies#ADDRESS} see none). Writes the table to
 * {@code target/refused-targets.md}.
 */
class RefusedTargetsTest {
    static final Map<String, List<String>> HOSTS = hosts();
    private static final int SPY_PORT = 1993;

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static ListeningSpies spies = new ListeningSpies(SPY_PORT, 2525);

    static final TargetSpy SPY = TargetSpy.resolving(HOSTS);

    @RegisterExtension
    @Order(3)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of(
        "targets.allowedNetworks", "",
        "targets.allowedPorts", "110,143,993,995," + SPY_PORT,
        "api.validation.maxPerUser", "100000"), SPY);

    private static Map<String, List<String>> hosts() {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        hosts.put("localhost", List.of("127.0.0.1", "::1"));
        hosts.put("127.0.0.1.nip.io", List.of("127.0.0.1"));
        hosts.put("spy.example.net", List.of(ListeningSpies.ADDRESS));
        hosts.put("metadata.google.internal", List.of("169.254.169.254"));
        hosts.put("intranet.example.net", List.of("10.1.2.3"));
        hosts.put("two-faced.example.net", List.of("100.64.1.1", "192.168.7.7"));
        hosts.put("v6-loopback.example.net", List.of("::1"));
        hosts.put("mapped.example.net", List.of("::ffff:127.0.0.2"));
        hosts.put("nat64.example.net", List.of("64:ff9b::a9fe:a9fe"));
        hosts.put("ula.example.net", List.of("fd00:ec2::254"));
        return hosts;
    }

    @BeforeAll
    static void createUser(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB);
    }

    @Test
    void everyRefusedTargetShouldBeRefusedWithoutAConnection(GuiceJamesServer server)
        throws Exception {
        List<Collector> before = stored(server);
        List<String> rows = new ArrayList<>();
        List<String> refusals = new ArrayList<>();

        for (String[] target : targets()) {
            int connections = SPY.connections().size() + spies.accepted();
            Response response = given(as(server, BOB))
                .body(body(target[1], Integer.parseInt(target[2]))).post("/collectors");
            boolean connected = SPY.connections().size() + spies.accepted() != connections;
            String answer = answer(response);
            rows.add("| " + target[0] + " | `" + target[1] + "` | " + target[2] + " | "
                + response.statusCode() + " | " + answer + " | " + (connected ? "YES" : "no")
                + " |");
            refusals.add(target[1] + ":" + target[2] + " -> " + response.statusCode() + " "
                + answer + (connected ? " connected" : ""));
        }
        write(rows);

        assertThat(refusals).allSatisfy(refusal ->
            assertThat(refusal).matches(".* -> (400 field (host|port)|422 code (refused-target"
                + "|connection) .*)"));
        assertThat(refusals).filteredOn(refusal -> refusal.contains("refused-target"))
            .allSatisfy(refusal -> assertThat(refusal).endsWith(TargetPolicy.REFUSAL));
        assertThat(SPY.connections()).isEmpty();
        assertThat(spies.accepted()).isZero();
        assertThat(spies.listening()).as("spy sockets listening").isPositive();
        assertThat(stored(server)).isEqualTo(before);
        assertThat(SPY.lookedUp()).as("names resolved, all through the test's own table")
            .allSatisfy(name -> assertThat(HOSTS.containsKey(name)
                || InetAddresses.isInetAddress(name)
                || refusals.stream().anyMatch(refusal -> refusal.contains("server name " + name
                    + " cannot be found"))).as(name).isTrue());
    }

    /** Class, host as typed, port. */
    private static List<String[]> targets() {
        List<String[]> targets = new ArrayList<>();
        add(targets, "loopback v4", "127.0.0.1", "127.0.0.2", "127.255.255.254");
        add(targets, "loopback v6", "::1", "[::1]", "0:0:0:0:0:0:0:1");
        add(targets, "unspecified", "0.0.0.0", "::", "[::]");
        add(targets, "private", "10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1");
        add(targets, "link-local", "169.254.1.1", "fe80::1", "[fe80::1]");
        add(targets, "CGNAT", "100.64.0.1", "100.127.255.254");
        add(targets, "multicast", "224.0.0.1", "239.255.255.250", "ff02::1");
        add(targets, "broadcast, reserved", "255.255.255.255", "240.0.0.1");
        add(targets, "documentation, benchmarking", "192.0.2.1", "198.18.0.1", "2001:db8::1");
        add(targets, "IPv6 unique-local", "fc00::1", "fd12:3456:789a::1");
        add(targets, "cloud metadata", "169.254.169.254", "fd00:ec2::254", "[fd00:ec2::254]");
        add(targets, "IPv4-mapped", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]",
            "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::ffff:7f00:2");
        add(targets, "IPv4-compatible", "::127.0.0.1", "::10.0.0.1");
        add(targets, "NAT64", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1");
        add(targets, "6to4", "2002:7f00:1::1", "2002:a9fe:a9fe::1");
        add(targets, "odd IPv4 spellings", "0x7f000001", "2130706433", "017700000001",
            "0177.0.0.1", "127.1", "127.0.1", "0x7f.0.0.1", "127.0.0.1.", "1\uff12\uff17.0.0.1",
            "127\u30020\u30020\u30021");
        add(targets, "names of loopback", "localhost", "localhost.", "LOCALHOST",
            "127.0.0.1.nip.io", "spy.example.net", "v6-loopback.example.net",
            "mapped.example.net");
        add(targets, "names of other refused addresses", "metadata.google.internal",
            "intranet.example.net", "two-faced.example.net", "nat64.example.net",
            "ula.example.net");
        add(targets, "IDN homographs", "\u217cocalhost", "\uff4c\uff4f\uff43\uff41\uff4c"
            + "\uff48\uff4f\uff53\uff54", "m\u0430il.example.net", "xn--mil-8cd.example.net",
            "spy.example.n\u0435t");
        for (String port : List.of("25", "22", "80", "443", "2525", "3306", "6379", "8080",
            "0", "65536", "-1")) {
            targets.add(new String[] {"port off the list", TlsRemote.HOST, port});
        }
        targets.add(new String[] {"port off the list", ListeningSpies.ADDRESS, "2525"});
        for (String host : List.of(ListeningSpies.ADDRESS, "spy.example.net",
            "mapped.example.net", "::ffff:127.0.0.2", "127.0.0.3")) {
            targets.add(new String[] {"listening or not", host, Integer.toString(SPY_PORT)});
        }
        return targets;
    }

    private static void add(List<String[]> targets, String kind, String... hosts) {
        for (String host : hosts) {
            targets.add(new String[] {kind, host, "993"});
        }
    }

    private static String body(String host, int port) {
        String protocol = port == 110 || port == 995 ? "pop3" : "imap";
        return "{\"name\": \"Target\", \"protocol\": \"" + protocol + "\", \"host\": \""
            + host + "\", \"port\": " + port + ", \"security\": \"tls\", \"username\":"
            + " \"jean\", \"password\": \"" + RemoteServers.JEAN_PASSWORD + "\"}";
    }

    private static String answer(Response response) {
        String field = response.path("field");
        if (field != null) {
            return "field " + field;
        }
        return "code " + response.path("code") + " " + response.path("message");
    }

    private static void write(List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# Refused targets");
        lines.add("");
        lines.add("Each tried through `POST /collectors` with the default target policy.");
        lines.add("");
        lines.add("| class | target | port | answer | field or code | connection attempted |");
        lines.add("|---|---|---|---|---|---|");
        lines.addAll(rows);
        Path file = Path.of("target", "refused-targets.md");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static List<Collector> stored(GuiceJamesServer server) {
        return CollectorsServer.probe(server).stores().collectors()
            .listByOwner(Username.of(BOB));
    }
}
