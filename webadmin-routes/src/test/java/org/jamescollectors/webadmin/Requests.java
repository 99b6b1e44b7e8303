package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.jamescollectors.webadmin.CollectorsServer.as;

import org.apache.james.GuiceJamesServer;

/** Request bodies and waits the route tests share. */
final class Requests {
    private Requests() {
    }

    /** A new IMAP collector of Jean's account at mail.example.net, over TLS. */
    static String imapBody(String name) {
        return imapBody(name, RemoteServers.JEAN_PASSWORD);
    }

    static String imapBody(String name, String password) {
        return "{\"name\": \"" + name + "\", \"protocol\": \"imap\", \"host\": \"" + TlsRemote.HOST
            + "\", \"port\": 993, \"security\": \"tls\", \"username\": \"" + RemoteServers.JEAN
            + "\", \"password\": \"" + password + "\"}";
    }

    /** A new POP3 collector of Paul's account at mail.example.net, over TLS. */
    static String pop3Body(String name) {
        return "{\"name\": \"" + name + "\", \"protocol\": \"pop3\", \"host\": \"" + TlsRemote.HOST
            + "\", \"port\": 995, \"security\": \"tls\", \"username\": \"" + RemoteServers.PAUL
            + "\", \"password\": \"" + RemoteServers.PAUL_PASSWORD + "\"}";
    }

    /** Creates a collector for {@code user} and returns its id. */
    static String create(GuiceJamesServer server, String user, String body) {
        return given(as(server, user)).body(body)
            .when().post("/collectors")
            .then().statusCode(201)
            .extract().path("id");
    }

    /** Waits until the run has finished and returns its outcome. */
    static String awaitRun(GuiceJamesServer server, String user, String collector, String run)
        throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String outcome = given(as(server, user))
                .get("/collectors/" + collector + "/runs/" + run)
                .then().statusCode(200).extract().path("outcome");
            if (!"running".equals(outcome)) {
                return outcome;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not finish");
    }
}
