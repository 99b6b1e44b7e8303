package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Bad input of every kind gets a 400 naming the culprit, never a 500, and changes nothing. */
class BadInputTest {
    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of());

    private static String existing;
    private static String existingBefore;

    @BeforeAll
    static void createOneCollector(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB);
        existing = Requests.create(server, BOB, Requests.imapBody("Existing"));
        existingBefore = given(as(server, BOB)).get("/collectors/" + existing).asString();
    }

    private static final Map<String, String> VALID = Map.of(
        "name", "\"Fresh\"", "protocol", "\"pop3\"", "host", "\"" + TlsRemote.HOST + "\"",
        "port", "995", "security", "\"tls\"", "username", "\"" + RemoteServers.PAUL + "\"",
        "password", "\"" + RemoteServers.PAUL_PASSWORD + "\"");

    /** A valid creation body with one field's raw JSON value replaced or added. */
    private static String with(String field, String rawValue) {
        Map<String, String> fields = new TreeMap<>(VALID);
        fields.put(field, rawValue);
        return fields.entrySet().stream()
            .map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    }

    static Stream<Arguments> badBodies() {
        String deep = "{\"name\": " + "[".repeat(40_000) + "}";
        return Stream.of(
            Arguments.of("empty", "", "body"),
            Arguments.of("not JSON", "name=Orange", "body"),
            Arguments.of("cut short", "{\"name\": \"Orange\"", "body"),
            Arguments.of("an array", "[]", "body"),
            Arguments.of("null", "null", "body"),
            Arguments.of("a string", "\"Orange\"", "body"),
            Arguments.of("two objects", "{} {}", "body"),
            Arguments.of("too large", "{\"name\": \"" + "x".repeat(70_000) + "\"}", "body"),
            Arguments.of("deep nesting", deep, "name"),
            Arguments.of("a field twice", "{\"name\": \"One\", \"name\": \"Two\"}", "name"),
            Arguments.of("an unknown field", with("colour", "\"blue\""), "colour"),
            Arguments.of("id is read-only", with("id", "\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\""),
                "id"),
            Arguments.of("passwordSet is read-only", with("passwordSet", "true"), "passwordSet"),
            Arguments.of("targetFolderExists is read-only", with("targetFolderExists", "true"),
                "targetFolderExists"),
            Arguments.of("createdAt is read-only", with("createdAt", "\"2024-01-01T00:00:00Z\""),
                "createdAt"),
            Arguments.of("status is read-only", with("status", "{\"state\": \"active\"}"),
                "status"),
            Arguments.of("port as a string", with("port", "\"995\""), "port"),
            Arguments.of("port as a decimal", with("port", "995.5"), "port"),
            Arguments.of("port beyond int", with("port", "99999999999999999999"), "port"),
            Arguments.of("port negative", with("port", "-1"), "port"),
            Arguments.of("port too high", with("port", "70000"), "port"),
            Arguments.of("port not allowed", with("port", "2525"), "port"),
            Arguments.of("fetchAll as a string", with("fetchAll", "\"yes\""), "fetchAll"),
            Arguments.of("enabled null", with("enabled", "null"), "enabled"),
            Arguments.of("name null", with("name", "null"), "name"),
            Arguments.of("name empty", with("name", "\"  \""), "name"),
            Arguments.of("name huge", with("name", "\"" + "n".repeat(10_000) + "\""), "name"),
            Arguments.of("name with NUL", with("name", "\"a\\u0000b\""), "name"),
            Arguments.of("name with a lone surrogate", with("name", "\"\\ud800\""), "name"),
            Arguments.of("name as an object", with("name", "{\"x\": 1}"), "name"),
            Arguments.of("name as an array", with("name", "[\"x\"]"), "name"),
            Arguments.of("username with a command", with("username",
                "\"paul\\r\\nA1 LOGOUT\""), "username"),
            Arguments.of("password with CRLF", with("password", "\"pw\\r\\n\""), "password"),
            Arguments.of("password empty", with("password", "\"\""), "password"),
            Arguments.of("host with a space", with("host", "\"mail example.net\""), "host"),
            Arguments.of("host too long", with("host", "\"" + "a.".repeat(200) + "net\""),
                "host"),
            Arguments.of("host with a path", with("host", "\"mail.example.net/x\""), "host"),
            Arguments.of("protocol unknown", with("protocol", "\"smtp\""), "protocol"),
            Arguments.of("security unknown", with("security", "\"ssl\""), "security"),
            Arguments.of("security none refused", with("security", "\"none\""), "security"),
            Arguments.of("sourceFolder on POP3", with("sourceFolder", "\"INBOX\""),
                "sourceFolder"),
            Arguments.of("targetFolder with hierarchy", with("targetFolder", "\"a.b\""),
                "targetFolder"),
            Arguments.of("targetFolder INBOX", with("targetFolder", "\"INBOX\""), "targetFolder"),
            Arguments.of("fetchAll while keeping copies", with("deleteAfterFetch", "false"),
                "deleteAfterFetch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void createShouldRefuseBadBodiesNamingTheField(String name, String body, String field,
                                                   GuiceJamesServer server) {
        Response response = given(as(server, BOB)).body(body).post("/collectors");

        response.then().statusCode(400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("field", equalTo(field))
            .body("message", not(nullValue()))
            .body("details", nullValue());
        assertThat(response.asString()).doesNotContain("LOGOUT").doesNotContain("pw\\r");
        assertThat(CollectorsServer.probe(server).stores().collectors()
            .listByOwner(Username.of(BOB)))
            .noneMatch(collector -> collector.name().equals("Fresh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void patchShouldRefuseBadBodiesAndChangeNothing(String name, String body, String field,
                                                    GuiceJamesServer server) {
        Response response = given(as(server, BOB)).body(body).patch("/collectors/" + existing);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(given(as(server, BOB)).get("/collectors/" + existing).asString())
            .isEqualTo(existingBefore);
    }

    @Test
    void createShouldRefuseABodyNotSentAsJson(GuiceJamesServer server) {
        given(as(server, BOB)).contentType(ContentType.TEXT).body(Requests.pop3Body("Form"))
            .post("/collectors")
            .then().statusCode(400)
            .body("field", equalTo("body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@", "not an address", "jean@", "jean@[127.0.0.1]", "jean@1.2.3.4",
        "jean@localhost", "%00", "jean@orange..fr"})
    void providersShouldRefuseWhatIsNotAnAddressOrDomain(String address, GuiceJamesServer server) {
        given(as(server, BOB)).queryParam("address", address).get("/collectors/providers")
            .then().statusCode(400)
            .body("field", equalTo("address"));
    }

    @Test
    void providersShouldRefuseAHugeAddress(GuiceJamesServer server) {
        given(as(server, BOB)).queryParam("address", "a".repeat(2000) + "@orange.fr")
            .get("/collectors/providers")
            .then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%20", "..", "%2e%2e", "null", "00000000-0000-0000-0000-00000000000g",
        "1B4E28BA-2FA1-11D2-883F-0016D3CCA427x"})
    void oddIdsShouldAnswer404(String id, GuiceJamesServer server) {
        given(as(server, BOB)).urlEncodingEnabled(false).get("/collectors/" + id)
            .then().statusCode(404);
    }

    @Test
    void aLongIdShouldAnswer404(GuiceJamesServer server) {
        given(as(server, BOB)).get("/collectors/" + "x".repeat(1500))
            .then().statusCode(404);
    }

    @Test
    void anUnknownRunIdShouldAnswer404(GuiceJamesServer server) {
        given(as(server, BOB)).get("/collectors/" + existing + "/runs/nonsense")
            .then().statusCode(404);
    }

    @Test
    void randomBodiesShouldNeverGetA500(GuiceJamesServer server) {
        String target = Requests.create(server, BOB, Requests.pop3Body("Fuzzed"));
        Random random = new Random(20241204);
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\"name\"", "\"port\"", "\"host\"",
            "\"enabled\"", "true", "null", "-", "1e999", "0x10", "\\u0000", "\\", "993", " ",
            "\"targetFolder\"", "\u00e9", "\ud83d\udce7", "\"\"", "\"a\""};

        for (int i = 0; i < 60; i++) {
            StringBuilder body = new StringBuilder();
            int length = 1 + random.nextInt(25);
            for (int j = 0; j < length; j++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            int status = given(as(server, BOB)).body(body.toString())
                .patch("/collectors/" + target).statusCode();
            assertThat(status).as("PATCH %s", body).isBetween(200, 499);
        }
    }

    @Test
    void adminRoutesShouldRefuseBadUserNames(GuiceJamesServer server) {
        given(CollectorsServer.spec(server)).urlEncodingEnabled(false)
            .delete("/collectors-admin/users/%40")
            .then().statusCode(400)
            .body("field", equalTo("username"));
    }
}
