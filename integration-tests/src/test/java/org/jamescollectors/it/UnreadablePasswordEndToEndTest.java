package org.jamescollectors.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.awaitility.Awaitility;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.security.SecretCipher;
import org.jamescollectors.security.rotation.SecretKeyRing;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A collector whose stored password this server cannot decrypt (its row altered in the store, or
 * sealed under another key while the store's key fingerprint still matches): the run fails with
 * {@code password-unreadable} without a byte to the remote server or a secret in the log, the
 * collector is paused with one notice to its owner (retrying cannot help), and only the password
 * typed again brings it back.
 */
class UnreadablePasswordEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES = CollectorsJames.withUserRoutes(
        () -> Remote.settingsFor(DOVECOT.server()), Map::of);

    private static final String JAMES_PASSWORD = "owner-secret";
    private static final String REMOTE_PASSWORD = "remote-secret";
    private static final String UNREADABLE =
        "the stored password cannot be read on this server; enter it again";

    /** How the stored password came to be unreadable. */
    enum Damage {
        ALTERED_IN_THE_STORE,
        SEALED_UNDER_ANOTHER_KEY
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void runShouldPauseOnceAndSendNothingWhenStoredPasswordIsUnreadable(Damage damage,
        GuiceJamesServer james) throws Exception {
        Broken broken = Broken.collector(james, damage);
        ListAppender<ILoggingEvent> log = captureLog();
        long dovecotLogStart = Files.size(DOVECOT.server().log());

        Run run;
        try {
            run = Remote.runNow(TestHooks.current(), broken.id);
        } finally {
            stopCapture(log);
        }
        JsonPath status = broken.get();

        assertThat(run.outcome()).isEqualTo(Run.Outcome.FAILED);
        assertThat(run.error()).map(Run.Error::code).contains("password-unreadable");
        assertThat(run.error()).map(Run.Error::message).contains(UNREADABLE);
        assertThat(status.getString("status.state")).isEqualTo("paused");
        assertThat(status.getString("status.problem.code")).isEqualTo("password-unreadable");
        assertThat(status.getString("status.problem.message")).isEqualTo(UNREADABLE);
        assertThat(status.getString("status.problem.retryAt")).isNull();
        assertThat(status.getString("status.nextRun")).isNull();
        Thread.sleep(500);
        String dovecotLog = logSince(dovecotLogStart);
        assertThat(dovecotLog).doesNotContain(broken.remoteUser).doesNotContain("-login:");
        assertThat(broken.remoteMessages()).isEqualTo(1);
        String logged = log.list.stream().map(UnreadablePasswordEndToEndTest::render)
            .collect(Collectors.joining("\n"));
        assertThat(logged).contains("password-unreadable")
            .doesNotContain(broken.stored).doesNotContain(broken.stored.substring(3, 20))
            .doesNotContain(broken.sealingKey).doesNotContain(REMOTE_PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> broken.notices() == 1);
    }

    @Test
    void pausedCollectorShouldNotBeRunAgainNorNotifiedAgain(GuiceJamesServer james)
        throws Exception {
        Broken broken = Broken.collector(james, Damage.ALTERED_IN_THE_STORE);
        Remote.runNow(TestHooks.current(), broken.id);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> broken.notices() == 1);
        broken.makeOverdue();
        Instant overdueAt = Instant.now();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            TestHooks.current().scheduler().lastTick().isAfter(overdueAt.plusSeconds(2)));
        int collectNow = given(broken.api()).post("/collectors/" + broken.id.asString() + "/runs")
            .then().extract().statusCode();
        JsonPath enabling = given(broken.api()).body("{\"enabled\": true}")
            .patch("/collectors/" + broken.id.asString())
            .then().statusCode(400).extract().jsonPath();

        assertThat(TestHooks.current().stores().runs().recent(broken.id, 10)).hasSize(2);
        assertThat(collectNow).isEqualTo(409);
        assertThat(enabling.getString("field")).isEqualTo("password");
        assertThat(enabling.getString("message")).contains("send the password again");
        assertThat(broken.get().getString("status.state")).isEqualTo("paused");
        assertThat(broken.notices()).isEqualTo(1);
    }

    @Test
    void passwordTypedAgainShouldBringTheCollectorBack(GuiceJamesServer james) throws Exception {
        Broken broken = Broken.collector(james, Damage.SEALED_UNDER_ANOTHER_KEY);
        Remote.runNow(TestHooks.current(), broken.id);

        JsonPath fixed = given(broken.api())
            .body("{\"password\": \"" + REMOTE_PASSWORD + "\"}")
            .patch("/collectors/" + broken.id.asString())
            .then().statusCode(200).extract().jsonPath();
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> broken.remoteMessages() == 0);

        assertThat(fixed.getString("status.state")).isEqualTo("active");
        assertThat(fixed.getString("status.problem")).isNull();
        assertThat(broken.inbox().size() - broken.notices()).isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
            "success".equals(broken.get().getString("status.lastRun.outcome")));
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setName("unreadable-password");
        appender.start();
        rootLogger().addAppender(appender);
        return appender;
    }

    private static void stopCapture(ListAppender<ILoggingEvent> appender) {
        rootLogger().detachAppender(appender);
        appender.stop();
    }

    private static Logger rootLogger() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** The message, its context and any exception: all an operator's log could hold. */
    private static String render(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? ""
            : event.getThrowableProxy().getClassName() + ": "
                + event.getThrowableProxy().getMessage();
        return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + thrown;
    }

    private static String logSince(long start) throws Exception {
        byte[] log = Files.readAllBytes(DOVECOT.server().log());
        return new String(log, (int) start, log.length - (int) start, StandardCharsets.UTF_8);
    }

    /** A collector made through the API, run once, then its stored password damaged. */
    private static final class Broken {
        private final GuiceJamesServer james;
        private final String owner;
        private final String remoteUser;
        private final CollectorId id;
        private final String stored;
        private final String sealingKey;

        private Broken(GuiceJamesServer james, String owner, String remoteUser, CollectorId id,
                       String stored, String sealingKey) {
            this.james = james;
            this.owner = owner;
            this.remoteUser = remoteUser;
            this.id = id;
            this.stored = stored;
            this.sealingKey = sealingKey;
        }

        static Broken collector(GuiceJamesServer james, Damage damage) throws Exception {
            DovecotServer dovecot = DOVECOT.server();
            String remoteUser = TestUsers.next("unreadable");
            dovecot.addUser(remoteUser, REMOTE_PASSWORD);
            String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("before"));
            String id = given(UserApi.as(james, owner, JAMES_PASSWORD))
                .body("{\"name\": \"unreadable\", \"protocol\": \"pop3\", \"host\": \"127.0.0.1\","
                    + " \"port\": " + dovecot.port(Protocol.POP3, Security.TLS) + ","
                    + " \"username\": \"" + remoteUser + "\", \"password\": \"" + REMOTE_PASSWORD
                    + "\"}")
                .post("/collectors")
                .then().statusCode(201).extract().jsonPath().getString("id");
            CollectorId collectorId = CollectorId.of(id);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> dovecot.messageCount(remoteUser, "INBOX") == 0
                    && TestHooks.current().scheduler().runningRun(collectorId).isEmpty());
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("after"));
            SecretKey other = KeyGenerator.getInstance("AES").generateKey();
            String damaged = damage(collectorId, damage, other);
            Collector current = TestHooks.current().stores().collectors().find(collectorId)
                .orElseThrow();
            TestHooks.current().stores().collectors().update(current.toBuilder()
                .encryptedPassword(damaged).build());
            assertThat(TestHooks.current().stores().metadata().get(SecretKeyRing.FINGERPRINT))
                .contains(TestHooks.current().cipher().fingerprint());
            return new Broken(james, owner, remoteUser, collectorId, damaged,
                Base64.getEncoder().encodeToString(other.getEncoded()));
        }

        private static String damage(CollectorId id, Damage damage, SecretKey other) {
            if (damage == Damage.SEALED_UNDER_ANOTHER_KEY) {
                return SecretCipher.of(other).encrypt(id, Password.of(REMOTE_PASSWORD));
            }
            String sealed = TestHooks.current().cipher().encrypt(id, Password.of(REMOTE_PASSWORD));
            int at = sealed.length() - 6;
            char flipped = sealed.charAt(at) == 'A' ? 'B' : 'A';
            return sealed.substring(0, at) + flipped + sealed.substring(at + 1);
        }

        RequestSpecification api() {
            return UserApi.as(james, owner, JAMES_PASSWORD);
        }

        JsonPath get() {
            return given(api()).get("/collectors/" + id.asString())
                .then().statusCode(200).extract().jsonPath();
        }

        int remoteMessages() {
            return DOVECOT.server().messageCount(remoteUser, "INBOX");
        }

        List<MailboxContentProbe.StoredMessage> inbox() throws Exception {
            return CollectionEndToEndTest.inbox(james, owner);
        }

        /** Pause notices are the owner's messages marked Auto-Submitted by us. */
        long notices() throws Exception {
            return inbox().stream()
                .map(message -> new String(message.content(), StandardCharsets.ISO_8859_1))
                .filter(text -> text.contains("Auto-Submitted: auto-generated"))
                .count();
        }

        /** Due long ago, as if the hourly schedule had come round many times. */
        void makeOverdue() throws Exception {
            Collector current = TestHooks.current().stores().collectors().find(id).orElseThrow();
            TestHooks.current().stores().collectors().update(current.toBuilder()
                .nextRunAt(Instant.now().minus(Duration.ofHours(5))).build());
        }
    }
}
