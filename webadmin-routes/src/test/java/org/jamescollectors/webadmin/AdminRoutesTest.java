package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.jamescollectors.webadmin.CollectorsServer.ALICE;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;
import static org.jamescollectors.webadmin.CollectorsServer.spec;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.utils.DataProbeImpl;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Problem;
import org.jamescollectors.manage.OwnerSweep;
import org.jamescollectors.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminRoutesTest {
    private static final String CAROL = "carol@" + CollectorsServer.DOMAIN;

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of(
        "owners.unknownGracePeriod", "1h"));

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB, ALICE, CAROL);
    }

    @AfterEach
    void cleanUp(GuiceJamesServer server) {
        Stores stores = CollectorsServer.probe(server).stores();
        stores.collectors().page(Optional.empty(), 1000)
            .forEach(collector -> stores.collectors().delete(collector.id()));
        CollectorsServer.probe(server).scheduler().resume();
    }

    @Test
    void statsShouldCountCollectorsByStateAndProblemWithoutNamingAnyone(GuiceJamesServer server)
        throws Exception {
        String bobs = Requests.create(server, BOB, Requests.imapBody("Jean"));
        Requests.create(server, ALICE, Requests.pop3Body("Paul"));
        given(as(server, ALICE)).body("{\"name\": \"Paul\", \"enabled\": false}")
            .patch("/collectors/" + given(as(server, ALICE)).get("/collectors")
                .then().extract().path("[0].id"));
        markProblem(server, bobs, "connection");

        String body = given(spec(server)).get("/collectors-admin/stats")
            .then().statusCode(200)
            .body("collectors.total", equalTo(2))
            .body("collectors.active", equalTo(1))
            .body("collectors.disabled", equalTo(1))
            .body("collectors.paused", equalTo(0))
            .body("problems.connection", equalTo(1))
            .body("collectionPaused", equalTo(false))
            .extract().asString();

        assertThat(body).doesNotContain(BOB).doesNotContain(bobs).doesNotContain("Jean");
    }

    private static void markProblem(GuiceJamesServer server, String id, String code)
        throws Exception {
        Stores stores = CollectorsServer.probe(server).stores();
        Collector collector = stores.collectors().find(CollectorId.of(id)).orElseThrow();
        stores.collectors().update(collector.toBuilder().problem(Optional.of(Problem.of(code,
            "the server cannot be reached", Instant.now(), Optional.of(Instant.now()))))
            .build());
    }

    @Test
    void statsShouldSumRuns(GuiceJamesServer server) throws Exception {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));
        String run = given(as(server, BOB)).post("/collectors/" + id + "/runs")
            .then().statusCode(202).extract().path("id");
        Requests.awaitRun(server, BOB, id, run);

        int total = given(spec(server)).get("/collectors-admin/stats")
            .then().statusCode(200).extract().path("runs.total");

        assertThat(total).isGreaterThanOrEqualTo(1);
    }

    @Test
    void pauseAndResumeShouldStopAndRestartCollection(GuiceJamesServer server) {
        given(spec(server)).post("/collectors-admin/pause")
            .then().statusCode(200).body("collectionPaused", equalTo(true));
        boolean pausedThen = CollectorsServer.probe(server).scheduler().isSuspended();

        given(spec(server)).post("/collectors-admin/resume")
            .then().statusCode(200).body("collectionPaused", equalTo(false));

        assertThat(pausedThen).isTrue();
        assertThat(CollectorsServer.probe(server).scheduler().isSuspended()).isFalse();
    }

    @Test
    void deletingAUsersCollectorsShouldRemoveThemAll(GuiceJamesServer server) {
        Requests.create(server, CAROL, Requests.imapBody("Jean"));
        Requests.create(server, CAROL, Requests.pop3Body("Paul"));
        Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(spec(server)).delete("/collectors-admin/users/" + CAROL)
            .then().statusCode(200).body("removed", equalTo(2));

        given(as(server, CAROL)).get("/collectors").then().body("", hasSize(0));
        given(as(server, BOB)).get("/collectors").then().body("", hasSize(1));
    }

    @Test
    void renamingAUserShouldMoveTheirCollectors(GuiceJamesServer server) {
        String id = Requests.create(server, CAROL, Requests.imapBody("Jean"));

        given(spec(server)).post("/collectors-admin/users/" + CAROL + "/rename/" + ALICE)
            .then().statusCode(200).body("moved", equalTo(1));

        given(as(server, ALICE)).get("/collectors/" + id).then().statusCode(200);
        given(as(server, CAROL)).get("/collectors/" + id).then().statusCode(404);
    }

    @Test
    void renamingOntoACollectorOfTheSameNameShouldAnswer409(GuiceJamesServer server) {
        Requests.create(server, CAROL, Requests.imapBody("Same"));
        Requests.create(server, ALICE, Requests.pop3Body("Same"));

        given(spec(server)).post("/collectors-admin/users/" + CAROL + "/rename/" + ALICE)
            .then().statusCode(409).body("code", equalTo("name-taken"));
    }

    @Test
    void collectorsOfARemovedUserShouldBeSuspendedThenPurged(GuiceJamesServer server)
        throws Exception {
        String gone = "gone@" + CollectorsServer.DOMAIN;
        CollectorsServer.addUsers(server, gone);
        String id = Requests.create(server, gone, Requests.imapBody("Jean"));
        server.getProbe(DataProbeImpl.class).removeUser(gone);
        OwnerSweep sweep = CollectorsServer.probe(server).ownerSweep();
        Stores stores = CollectorsServer.probe(server).stores();

        OwnerSweep.Outcome first = sweep.sweep();
        Collector suspended = stores.collectors().find(CollectorId.of(id)).orElseThrow();
        stores.collectors().update(suspended.toBuilder().problem(suspended.problem()
            .map(problem -> Problem.of(problem.code(), problem.message(),
                Instant.now().minusSeconds(7200), Optional.empty()))).build());
        OwnerSweep.Outcome second = sweep.sweep();

        assertThat(first.suspended()).isEqualTo(1);
        assertThat(suspended.state().wireName()).isEqualTo("paused");
        assertThat(suspended.problem().orElseThrow().code()).isEqualTo("owner-unknown");
        assertThat(second.purged()).isEqualTo(1);
        assertThat(stores.collectors().find(CollectorId.of(id))).isEmpty();
    }

    @Test
    void aReturningOwnerShouldGetTheirCollectorBack(GuiceJamesServer server) throws Exception {
        String back = "back@" + CollectorsServer.DOMAIN;
        CollectorsServer.addUsers(server, back);
        String id = Requests.create(server, back, Requests.imapBody("Jean"));
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.removeUser(back);
        OwnerSweep sweep = CollectorsServer.probe(server).ownerSweep();
        sweep.sweep();
        data.addUser(back, CollectorsServer.PASSWORD);

        OwnerSweep.Outcome outcome = sweep.sweep();

        assertThat(outcome.restored()).isEqualTo(1);
        given(as(server, back)).get("/collectors/" + id)
            .then().statusCode(200).body("status.state", equalTo("active"));
    }
}
