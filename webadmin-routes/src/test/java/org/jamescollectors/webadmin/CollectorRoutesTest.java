package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.jamescollectors.webadmin.CollectorsServer.ALICE;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

class CollectorRoutesTest {
    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of());

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB, ALICE);
    }

    @AfterEach
    void deleteCollectors(GuiceJamesServer server) {
        CollectorsServer.probe(server).stores().collectors().deleteByOwner(Username.of(BOB));
        CollectorsServer.probe(server).stores().collectors().deleteByOwner(Username.of(ALICE));
    }

    @Test
    void createShouldAnswer201WithLocationAndTheCollector(GuiceJamesServer server) {
        Response response = given(as(server, BOB)).body(Requests.imapBody("Jean"))
            .when().post("/collectors");

        String id = response.then().statusCode(201)
            .body("name", equalTo("Jean"))
            .body("protocol", equalTo("imap"))
            .body("security", equalTo("tls"))
            .body("username", equalTo("jean"))
            .body("passwordSet", equalTo(true))
            .body("sourceFolder", equalTo("INBOX"))
            .body("fetchAll", equalTo(true))
            .body("deleteAfterFetch", equalTo(true))
            .body("targetFolder", nullValue())
            .body("targetFolderExists", nullValue())
            .body("enabled", equalTo(true))
            .body("status.state", equalTo("active"))
            .body("status.problem", nullValue())
            .body("status.lastRun", nullValue())
            .extract().path("id");
        assertThat(response.header("Location")).isEqualTo("/collectors/" + id);
        assertThat(response.asString()).doesNotContain(RemoteServers.JEAN_PASSWORD)
            .doesNotContain("\"password\"");
    }

    @Test
    void createShouldSaveNothingWhenTheRemotePasswordIsWrong(GuiceJamesServer server) {
        given(as(server, BOB)).body(Requests.imapBody("Jean", "wrong-password"))
            .when().post("/collectors")
            .then().statusCode(422)
            .body("statusCode", equalTo(422))
            .body("type", equalTo("InvalidArgument"))
            .body("code", equalTo("authentication"))
            .body("details", nullValue());

        assertThat(CollectorsServer.probe(server).stores().collectors()
            .listByOwner(Username.of(BOB))).isEmpty();
        given(as(server, BOB)).when().get("/collectors").then().statusCode(200)
            .body("", hasSize(0));
    }

    @Test
    void createShouldBeRefusedPastTheQuotaTier(GuiceJamesServer server) throws Exception {
        CollectorsServer.setStorageQuota(server, BOB, 1L << 30);
        Requests.create(server, BOB, Requests.imapBody("One"));
        Requests.create(server, BOB, Requests.pop3Body("Two"));

        given(as(server, BOB)).body(Requests.pop3Body("Three").replace("\"paul\"", "\"jean\"")
                .replace(RemoteServers.PAUL_PASSWORD, RemoteServers.JEAN_PASSWORD))
            .when().post("/collectors")
            .then().statusCode(403)
            .body("type", equalTo("WrongState"))
            .body("code", equalTo("limit-reached"))
            .body("message", equalTo("you may have at most 2 collectors with your storage quota"
                + " of 1 GiB; a quota of 5 GiB or more allows 5"));

        given(as(server, BOB)).when().get("/collectors/usage").then().statusCode(200)
            .body("used", equalTo(2)).body("allowed", equalTo(2));
    }

    @Test
    void usageShouldFollowAFiveGibQuota(GuiceJamesServer server) throws Exception {
        CollectorsServer.setStorageQuota(server, ALICE, 5L << 30);

        given(as(server, ALICE)).when().get("/collectors/usage")
            .then().statusCode(200)
            .body("used", equalTo(0)).body("allowed", equalTo(5));
    }

    @Test
    void getShouldReturnTheOwnersCollector(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).when().get("/collectors/" + id)
            .then().statusCode(200)
            .body("id", equalTo(id))
            .body("status.nextRun", startsWith("20"));
    }

    @Test
    void listShouldShowOnlyTheCallersCollectors(GuiceJamesServer server) {
        String bobs = Requests.create(server, BOB, Requests.imapBody("Jean"));
        Requests.create(server, ALICE, Requests.pop3Body("Paul"));

        given(as(server, BOB)).when().get("/collectors")
            .then().statusCode(200)
            .body("", hasSize(1))
            .body("[0].id", equalTo(bobs));
    }

    @Test
    void patchShouldChangeWritableFields(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).body("{\"name\": \"Jean D\", \"fetchAll\": false,"
                + " \"deleteAfterFetch\": false, \"targetFolder\": \"Collected\","
                + " \"enabled\": false}")
            .when().patch("/collectors/" + id)
            .then().statusCode(200)
            .body("name", equalTo("Jean D"))
            .body("fetchAll", equalTo(false))
            .body("deleteAfterFetch", equalTo(false))
            .body("targetFolder", equalTo("Collected"))
            .body("targetFolderExists", equalTo(false))
            .body("enabled", equalTo(false))
            .body("status.state", equalTo("disabled"))
            .body("status.nextRun", nullValue());
    }

    @Test
    void patchShouldRefuseFetchAllWhileKeepingCopies(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).body("{\"fetchAll\": true, \"deleteAfterFetch\": false}")
            .when().patch("/collectors/" + id)
            .then().statusCode(400)
            .body("field", equalTo("deleteAfterFetch"))
            .body("message", startsWith("fetchAll collects every message"));
    }

    @Test
    void patchWithAWrongPasswordShouldChangeNothing(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));
        String before = given(as(server, BOB)).get("/collectors/" + id).asString();

        given(as(server, BOB)).body("{\"name\": \"Changed\", \"password\": \"wrong\"}")
            .when().patch("/collectors/" + id)
            .then().statusCode(422)
            .body("code", equalTo("authentication"));

        assertThat(given(as(server, BOB)).get("/collectors/" + id).asString()).isEqualTo(before);
    }

    @Test
    void patchShouldRefuseAnEmptyPassword(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).body("{\"password\": \"\"}")
            .when().patch("/collectors/" + id)
            .then().statusCode(400)
            .body("field", equalTo("password"));
    }

    @Test
    void createShouldRefuseADuplicateName(GuiceJamesServer server) {
        Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).body(Requests.pop3Body("Jean"))
            .when().post("/collectors")
            .then().statusCode(409)
            .body("type", equalTo("WrongState"))
            .body("code", equalTo("name-taken"));
    }

    @Test
    void createShouldRefuseTheSameRemoteAccountTwice(GuiceJamesServer server) {
        Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).body(Requests.imapBody("Jean again"))
            .when().post("/collectors")
            .then().statusCode(409)
            .body("code", equalTo("account-taken"));
    }

    @Test
    void deleteShouldAnswer204AndForgetTheCollector(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).when().delete("/collectors/" + id).then().statusCode(204);

        given(as(server, BOB)).when().get("/collectors/" + id).then().statusCode(404)
            .body("type", equalTo("notFound"));
    }

    @Test
    void collectNowShouldAnswer202WithTheRunThen429(GuiceJamesServer server) throws Exception {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        Response started = given(as(server, BOB)).when().post("/collectors/" + id + "/runs");

        String runId = started.then().statusCode(202)
            .body("trigger", equalTo("user"))
            .extract().path("id");
        assertThat(started.header("Location")).isEqualTo("/collectors/" + id + "/runs/" + runId);
        assertThat(Requests.awaitRun(server, BOB, id, runId)).isEqualTo("success");
        given(as(server, BOB)).when().get("/collectors/" + id + "/runs")
            .then().statusCode(200).body("[0].id", equalTo(runId));
        Response again = given(as(server, BOB)).when().post("/collectors/" + id + "/runs");
        again.then().statusCode(429).body("code", equalTo("rate-limited"));
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 300L);
    }

    @Test
    void getRunShouldAnswer404ForAnUnknownRun(GuiceJamesServer server) {
        String id = Requests.create(server, BOB, Requests.imapBody("Jean"));

        given(as(server, BOB)).when()
            .get("/collectors/" + id + "/runs/5a0e5d4c-1111-4222-8333-444455556666")
            .then().statusCode(404)
            .body("message", equalTo("The run does not exist"));
    }

    @Test
    void providersShouldAnswerForAnOrangeAddress(GuiceJamesServer server) {
        given(as(server, BOB)).queryParam("address", "jean@orange.fr")
            .when().get("/collectors/providers")
            .then().statusCode(200)
            .body("domain", equalTo("orange.fr"))
            .body("provider", equalTo("Orange"))
            .body("settings[0].protocol", equalTo("imap"))
            .body("settings[0].host", equalTo("imap.orange.fr"))
            .body("settings[0].port", equalTo(993))
            .body("settings[0].security", equalTo("tls"))
            .body("settings[1].protocol", equalTo("pop3"));
    }

    @Test
    void providersShouldAnswerForAGmailAddress(GuiceJamesServer server) {
        given(as(server, BOB)).queryParam("address", "x@gmail.com")
            .when().get("/collectors/providers")
            .then().statusCode(200)
            .body("domain", equalTo("gmail.com"))
            .body("provider", equalTo("Gmail"))
            .body("hint", startsWith("Gmail needs an app password"))
            .body("settings[0].host", equalTo("imap.gmail.com"));
    }

    @Test
    void providersShouldAnswer404ForAnUnknownDomain(GuiceJamesServer server) {
        given(as(server, BOB)).queryParam("address", "someone@unknown-domain.test")
            .when().get("/collectors/providers")
            .then().statusCode(404)
            .body("type", equalTo("notFound"));

        assertThat(servers.dns().questions()).contains("unknown-domain.test./MX");
    }

    @Test
    void providersShouldRefuseWhatIsNotAnAddress(GuiceJamesServer server) {
        given(as(server, BOB)).queryParam("address", "not an address")
            .when().get("/collectors/providers")
            .then().statusCode(400)
            .body("field", equalTo("address"));
    }

    @Test
    void foldersShouldListTopLevelMailboxesButInbox(GuiceJamesServer server) throws Exception {
        MailboxProbeImpl mailboxes = server.getProbe(MailboxProbeImpl.class);
        mailboxes.createMailbox(MailboxPath.inbox(Username.of(ALICE)));
        mailboxes.createMailbox(MailboxPath.forUser(Username.of(ALICE), "Orange"));
        mailboxes.createMailbox(MailboxPath.forUser(Username.of(ALICE), "Orange.Old"));

        given(as(server, ALICE)).when().get("/collectors/folders")
            .then().statusCode(200)
            .body("", equalTo(List.of("Orange")));
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerShouldBeIgnored(GuiceJamesServer server) {
        given(as(server, BOB)).header("X-Forwarded-For", "198.51.100.9")
            .header("X-Forwarded-Proto", "http")
            .when().get("/collectors")
            .then().statusCode(200);
    }
}
