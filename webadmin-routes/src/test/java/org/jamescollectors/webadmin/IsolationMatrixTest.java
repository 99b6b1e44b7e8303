package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.jamescollectors.webadmin.CollectorsServer.ALICE;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.POSTMASTER;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every route and method taking a collector id, tried by a second user and by the domain's
 * postmaster on the first user's collector: each answer must be byte for byte the answer for an
 * id that never existed (headers too, but for {@code Date}), and must change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationMatrixTest {
    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of());

    private static String bobsCollector;
    private static String bobsRun;
    private static String bobsViewBefore;
    private static String bobsRunsBefore;

    @BeforeAll
    static void createBobsCollectorAndRun(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB, ALICE, POSTMASTER);
        bobsCollector = given(as(server, BOB)).body(Requests.imapBody("Jean"))
            .post("/collectors").then().statusCode(201).extract().path("id");
        bobsRun = given(as(server, BOB)).post("/collectors/" + bobsCollector + "/runs")
            .then().statusCode(202).extract().path("id");
        Requests.awaitRun(server, BOB, bobsCollector, bobsRun);
        bobsViewBefore = given(as(server, BOB)).get("/collectors/" + bobsCollector).asString();
        bobsRunsBefore = given(as(server, BOB)).get("/collectors/" + bobsCollector + "/runs")
            .asString();
    }

    /** One route and method, with the collector id (and run id) to put in its path. */
    private static final class Attempt {
        private final String name;
        private final Function<RequestSpecification, Response> call;

        private Attempt(String name, Function<RequestSpecification, Response> call) {
            this.name = name;
            this.call = call;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Function<String, Attempt>> routes() {
        return List.of(
            id -> new Attempt("GET /collectors/{id}", spec ->
                given(spec).get("/collectors/" + id)),
            id -> new Attempt("PATCH /collectors/{id} name", spec ->
                given(spec).body("{\"name\": \"Taken over\"}").patch("/collectors/" + id)),
            id -> new Attempt("PATCH /collectors/{id} access", spec ->
                given(spec).body("{\"password\": \"" + RemoteServers.JEAN_PASSWORD + "\","
                    + " \"enabled\": true}").patch("/collectors/" + id)),
            id -> new Attempt("PATCH /collectors/{id} bad body", spec ->
                given(spec).body("{\"port\": \"x\"}").patch("/collectors/" + id)),
            id -> new Attempt("DELETE /collectors/{id}", spec ->
                given(spec).delete("/collectors/" + id)),
            id -> new Attempt("POST /collectors/{id}/runs", spec ->
                given(spec).post("/collectors/" + id + "/runs")),
            id -> new Attempt("GET /collectors/{id}/runs", spec ->
                given(spec).get("/collectors/" + id + "/runs")),
            id -> new Attempt("GET /collectors/{id}/runs/{runId}", spec ->
                given(spec).get("/collectors/" + id + "/runs/" + bobsRun)));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(ALICE, POSTMASTER).flatMap(caller -> routes().stream()
            .map(route -> Arguments.of(caller, route.apply("{id}").name, route)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void anotherUsersCollectorShouldAnswerLikeOneThatNeverExisted(String caller, String route,
        Function<String, Attempt> attempt, GuiceJamesServer server) {
        String neverExisted = UUID.randomUUID().toString();

        Response foreign = attempt.apply(bobsCollector).call.apply(as(server, caller));
        Response missing = attempt.apply(neverExisted).call.apply(as(server, caller));

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.asByteArray()).isEqualTo(missing.asByteArray());
        assertThat(headersButDate(foreign)).isEqualTo(headersButDate(missing));
    }

    @Test
    void anIdThatIsNotAUuidShouldAnswerLikeOneThatNeverExisted(GuiceJamesServer server) {
        Response malformed = given(as(server, ALICE)).get("/collectors/not-a-uuid");
        Response missing = given(as(server, ALICE)).get("/collectors/" + UUID.randomUUID());

        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.asByteArray()).isEqualTo(missing.asByteArray());
    }

    @Test
    void otherUsersShouldNotSeeTheCollectorInTheirListsOrUsage(GuiceJamesServer server) {
        for (String caller : List.of(ALICE, POSTMASTER)) {
            given(as(server, caller)).get("/collectors").then().statusCode(200)
                .body("", hasSize(0));
            given(as(server, caller)).get("/collectors/usage").then().statusCode(200)
                .body("used", equalTo(0));
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void bobsCollectorShouldBeUntouchedByAllOfThat(GuiceJamesServer server) {
        assertThat(given(as(server, BOB)).get("/collectors/" + bobsCollector).asString())
            .isEqualTo(bobsViewBefore);
        assertThat(given(as(server, BOB)).get("/collectors/" + bobsCollector + "/runs")
            .asString()).isEqualTo(bobsRunsBefore);
    }

    private static List<String> headersButDate(Response response) {
        return response.headers().asList().stream()
            .filter(header -> !header.getName().equalsIgnoreCase("Date"))
            .map(Header::toString)
            .collect(Collectors.toList());
    }
}
