package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jamescollectors.webadmin.CollectorsServer.ALICE;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * Live checks of remote accounts are limited per user, whatever they aim at: past the limit a
 * user gets 429 before anything is resolved or connected, so the API can neither guess
 * passwords at a provider nor scan ports; other users keep their own allowance.
 */
class ValidationRateLimitTest {
    private static final TargetSpy SPY = TargetSpy.resolving(Map.of());

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of(
        "api.validation.maxPerUser", "3",
        "api.validation.window", "1h"), SPY);

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB, ALICE);
    }

    @Test
    void createShouldAnswer429PastTheLimitEvenWithTheRightPassword(GuiceJamesServer server) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(post(server, BOB, Requests.imapBody("Guess " + i, "guess-" + i))
                .statusCode());
        }
        int connections = SPY.connections().size();

        Response limited = post(server, BOB, Requests.imapBody("Right"));
        Response scan = post(server, BOB, Requests.imapBody("Scan").replace(TlsRemote.HOST,
            "127.0.0.2"));

        assertThat(statuses).containsOnly(422);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.<String>path("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(scan.statusCode()).isEqualTo(429);
        assertThat(SPY.connections()).hasSize(connections);
        assertThat(CollectorsServer.probe(server).stores().collectors()
            .listByOwner(Username.of(BOB))).isEmpty();
    }

    @Test
    void patchShouldCountTowardsTheSameLimitAndChangeNothingWhenLimited(GuiceJamesServer server) {
        String id = Requests.create(server, ALICE, Requests.imapBody("Jean"));
        String before = given(as(server, ALICE)).get("/collectors/" + id).asString();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            statuses.add(patch(server, id, "{\"password\": \"guess-" + i + "\"}").statusCode());
        }

        Response limited = patch(server, id, "{\"password\": \"" + RemoteServers.JEAN_PASSWORD
            + "\", \"name\": \"Renamed\"}");

        assertThat(statuses).containsOnly(422);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(given(as(server, ALICE)).get("/collectors/" + id).asString())
            .isEqualTo(before);
    }

    private static Response post(GuiceJamesServer server, String user, String body) {
        return given(as(server, user)).body(body).post("/collectors");
    }

    private static Response patch(GuiceJamesServer server, String id, String body) {
        return given(as(server, ALICE)).body(body).patch("/collectors/" + id);
    }
}
