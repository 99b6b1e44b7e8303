package org.jamescollectors.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.jamescollectors.webadmin.CollectorsServer.ALICE;
import static org.jamescollectors.webadmin.CollectorsServer.BOB;
import static org.jamescollectors.webadmin.CollectorsServer.PASSWORD;
import static org.jamescollectors.webadmin.CollectorsServer.as;
import static org.jamescollectors.webadmin.CollectorsServer.basic;
import static org.jamescollectors.webadmin.CollectorsServer.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sign-in and transport rules of the user routes. Clients other than loopback are played through
 * X-Forwarded-For from 127.0.0.1, declared a trusted, TLS-terminating proxy here.
 */
class AuthenticationTest {
    private static final KeyPair USER_TOKENS = rsa();
    private static final KeyPair OTHER_KEY = rsa();
    private static final Path PUBLIC_KEY = pem(USER_TOKENS);

    @RegisterExtension
    @Order(1)
    static RemoteServers servers = new RemoteServers();

    @RegisterExtension
    @Order(2)
    static JamesServerExtension james = CollectorsServer.extension(servers, Map.of(
        "api.jwt.publicKeys", PUBLIC_KEY.toString(),
        "api.trustedProxies", "127.0.0.1",
        "api.tlsTerminatingProxy", "true",
        "api.auth.maxFailuresPerLogin", "3",
        "api.auth.maxFailuresPerAddress", "8"));

    @BeforeAll
    static void createUsers(GuiceJamesServer server) throws Exception {
        CollectorsServer.addUsers(server, BOB, ALICE, "carol@" + CollectorsServer.DOMAIN,
            "dave@" + CollectorsServer.DOMAIN);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(KeyPair keys) {
        try {
            Path file = Files.createTempFile("user-tokens-", ".pub");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(KeyPair keys, String subject, Instant expiry, boolean admin) {
        return Jwts.builder().setSubject(subject).setExpiration(Date.from(expiry))
            .claim("admin", admin)
            .signWith(keys.getPrivate(), SignatureAlgorithm.RS256).compact();
    }

    private static RequestSpecification bearer(GuiceJamesServer server, String token) {
        return given(spec(server)).header("Authorization", "Bearer " + token);
    }

    /** As a client at {@code address} behind the TLS-terminating proxy. */
    private static RequestSpecification from(GuiceJamesServer server, String address,
                                             String authorization) {
        return given(spec(server)).header("X-Forwarded-For", address)
            .header("X-Forwarded-Proto", "https").header("Authorization", authorization);
    }

    @Test
    void noCredentialsShouldGet401WithTheBasicChallenge(GuiceJamesServer server) {
        Response response = given(spec(server)).get("/collectors");

        response.then().statusCode(401)
            .body("statusCode", equalTo(401))
            .body("code", equalTo("authentication-required"));
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"collectors\"");
    }

    @Test
    void aPageRequestShouldGet401WithoutTheChallenge(GuiceJamesServer server) {
        Response response = given(spec(server)).header("X-Requested-With", "XMLHttpRequest")
            .get("/collectors");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isNull();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserShouldGetTheSameAnswer(GuiceJamesServer server) {
        Response wrong = from(server, "198.51.100.1", basic(BOB, "wrong")).get("/collectors");
        Response unknown = from(server, "198.51.100.1",
            basic("nobody@" + CollectorsServer.DOMAIN, "wrong")).get("/collectors");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).isEqualTo(unknown.asString());
    }

    @Test
    void aValidBasicSignInShouldWork(GuiceJamesServer server) {
        given(as(server, BOB)).get("/collectors").then().statusCode(200);
    }

    @Test
    void aTokenSignedWithTheConfiguredKeyShouldWork(GuiceJamesServer server) {
        String token = token(USER_TOKENS, BOB, Instant.now().plusSeconds(300), false);

        bearer(server, token).get("/collectors/usage").then().statusCode(200);
    }

    @Test
    void anAdminClaimShouldGiveNoMoreRightsThanAnyUser(GuiceJamesServer server) {
        String bobs = Requests.create(server, BOB, Requests.imapBody("Jean"));
        String adminToken = token(USER_TOKENS, ALICE, Instant.now().plusSeconds(300), true);

        bearer(server, adminToken).get("/collectors").then().statusCode(200).body("", hasSize(0));
        bearer(server, adminToken).get("/collectors/" + bobs).then().statusCode(404);
        bearer(server, adminToken).delete("/collectors/" + bobs).then().statusCode(404);
    }

    @Test
    void aTokenSignedWithAnotherKeyShouldGet401(GuiceJamesServer server) {
        String forged = token(OTHER_KEY, BOB, Instant.now().plusSeconds(300), true);

        bearer(server, forged).get("/collectors").then().statusCode(401);
    }

    @Test
    void anExpiredTokenShouldGet401(GuiceJamesServer server) {
        String expired = token(USER_TOKENS, BOB, Instant.now().minusSeconds(60), false);

        bearer(server, expired).get("/collectors").then().statusCode(401);
    }

    @Test
    void aTokenForAnUnknownUserShouldGet401(GuiceJamesServer server) {
        String stranger = token(USER_TOKENS, "nobody@" + CollectorsServer.DOMAIN,
            Instant.now().plusSeconds(300), false);

        bearer(server, stranger).get("/collectors").then().statusCode(401);
    }

    @Test
    void anUnsignedTokenShouldGet401(GuiceJamesServer server) {
        String unsigned = Jwts.builder().setSubject(BOB).compact();

        bearer(server, unsigned).get("/collectors").then().statusCode(401);
    }

    @Test
    void repeatedFailuresForOneLoginShouldBeRefusedWith429EvenWithTheRightPassword(
        GuiceJamesServer server) {
        String carol = "carol@" + CollectorsServer.DOMAIN;
        for (int i = 0; i < 3; i++) {
            from(server, "198.51.100.2", basic(carol, "guess" + i)).get("/collectors")
                .then().statusCode(401);
        }

        Response blocked = from(server, "198.51.100.3", basic(carol, PASSWORD))
            .get("/collectors");

        blocked.then().statusCode(429).body("code", equalTo("too-many-attempts"));
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 900L);
        from(server, "198.51.100.2", basic(BOB, PASSWORD)).get("/collectors")
            .then().statusCode(200);
    }

    @Test
    void manyFailuresFromOneAddressShouldBlockThatAddressOnly(GuiceJamesServer server) {
        for (int i = 0; i < 8; i++) {
            from(server, "198.51.100.4", basic("guess" + i + "@" + CollectorsServer.DOMAIN, "x"))
                .get("/collectors").then().statusCode(401);
        }

        from(server, "198.51.100.4", basic("dave@" + CollectorsServer.DOMAIN, PASSWORD))
            .get("/collectors").then().statusCode(429);
        from(server, "198.51.100.5", basic("dave@" + CollectorsServer.DOMAIN, PASSWORD))
            .get("/collectors").then().statusCode(200);
    }

    @Test
    void credentialsSentInClearThroughTheProxyShouldBeRefused(GuiceJamesServer server) {
        given(spec(server)).header("X-Forwarded-For", "198.51.100.6")
            .header("X-Forwarded-Proto", "http").header("Authorization", basic(BOB, PASSWORD))
            .get("/collectors")
            .then().statusCode(403)
            .body("type", equalTo("WrongState"))
            .body("code", equalTo("insecure-transport"));
    }
}
