package org.jamescollectors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.utils.DataProbeImpl;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.store.jdbc.JdbcStores;
import org.jamescollectors.testing.GreenMailMailbox;
import org.jamescollectors.testing.TestUsers;
import org.jamescollectors.testing.james.InboxProbe;
import org.jamescollectors.testing.james.PluginJames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collector whose remote password is wrong, on a James booted in the JVM with the whole plugin
 * and a GreenMail remote: it is refused twice, paused, and its owner finds one notice in their
 * Inbox, in the configured language; nothing more happens after that.
 */
class CollectorPausedOnJamesTest {
    private static final String RIGHT_PASSWORD = "right-Pa55word-4-remote";
    private static final String WRONG_PASSWORD = "wrong-Pa55word-4-remote";
    private static final String NAME = "Boîte perso\r\nX-Injected: yes";

    @RegisterExtension
    @Order(1)
    static final GreenMailMailbox REMOTE = new GreenMailMailbox();

    private static final PluginJames PLUGIN = PluginJames.with(() -> Map.of(
        "targets.allowedNetworks", "127.0.0.1/32",
        "targets.allowedPorts", Integer.toString(REMOTE.port(Protocol.IMAP, Security.NONE)),
        "remote.allowPlaintext", "true",
        "failures.backoffInitial", "1s",
        "failures.backoffMax", "1s",
        "notifications.language", "fr"));

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES = PLUGIN.extension();

    private static JdbcStores stores;

    @AfterAll
    static void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void aCollectorPausedForAWrongPasswordShouldMailItsOwnerExactlyOnce(GuiceJamesServer server)
        throws Exception {
        Username owner = Username.of("paul@" + PluginJames.DOMAIN);
        server.getProbe(DataProbeImpl.class).addUser(owner.asString(), "owner-secret");
        CollectorId id = createCollector(owner, WRONG_PASSWORD);
        InboxProbe inbox = server.getProbe(InboxProbe.class);

        await().atMost(Duration.ofSeconds(60)).until(() -> inbox.inbox(owner).size() == 1);
        Thread.sleep(4000);

        assertThat(stores().collectors().find(id).orElseThrow().paused()).isTrue();
        assertThat(finishedRuns(id)).hasSize(2)
            .allSatisfy(run -> assertThat(run.error().orElseThrow().code())
                .isEqualTo("authentication"));
        assertThat(inbox.inbox(owner)).hasSize(1);
    }

    @Test
    void theNoticeShouldBeAPlainFrenchMailFromThePostmasterWithoutSecrets(GuiceJamesServer server)
        throws Exception {
        Username owner = Username.of("claire@" + PluginJames.DOMAIN);
        server.getProbe(DataProbeImpl.class).addUser(owner.asString(), "owner-secret");
        createCollector(owner, WRONG_PASSWORD);
        InboxProbe inbox = server.getProbe(InboxProbe.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox.inbox(owner).size() == 1);

        byte[] raw = inbox.inbox(owner).get(0);
        MimeMessage notice = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw));

        assertThat(notice.getSubject())
            .isEqualTo("Votre collecteur de courrier « Boîte perso  X-Injected: yes » a été mis en"
                + " pause");
        assertThat(notice.getHeader("X-Injected")).isNull();
        assertThat(notice.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(notice.getFrom()[0].toString()).isEqualTo("postmaster@" + PluginJames.DOMAIN);
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo(owner.asString());
        assertThat(notice.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(notice.getHeader("Content-Transfer-Encoding", null))
            .isIn("quoted-printable", "8bit");
        assertThat((String) notice.getContent())
            .contains("Le serveur distant a refusé l'identifiant ou le mot de passe.")
            .contains("PATCH /collectors/");
        assertThat(new String(raw, StandardCharsets.UTF_8))
            .doesNotContain(WRONG_PASSWORD)
            .doesNotContain(RIGHT_PASSWORD)
            .doesNotContain("v1:");
    }

    @Test
    void metricsShouldListTheCollectorsRunsAndStates(GuiceJamesServer server) throws Exception {
        String metrics = PluginJames.webAdmin(server, "GET", "/metrics");

        assertThat(metrics)
            .contains("collectors_runs")
            .contains("collectors_run_duration")
            .contains("collectors_failures_authentication")
            .contains("collectors_state_paused")
            .contains("collectors_overdue");
    }

    private CollectorId createCollector(Username owner, String password) throws Exception {
        String remoteUser = TestUsers.next();
        REMOTE.addUser(remoteUser, RIGHT_PASSWORD);
        CollectorId id = CollectorId.random();
        Instant now = Instant.now();
        stores().collectors().create(Collector.builder()
            .id(id)
            .owner(owner)
            .name(NAME)
            .account(RemoteAccount.imap("127.0.0.1", REMOTE.port(Protocol.IMAP, Security.NONE),
                Security.NONE, remoteUser, Optional.empty()))
            .encryptedPassword(PLUGIN.keyFileCipher().encrypt(id, Password.of(password)))
            .createdAt(now)
            .nextRunAt(now)
            .build());
        return id;
    }

    private static List<Run> finishedRuns(CollectorId id) {
        return stores().runs().recent(id, 10).stream()
            .filter(run -> run.outcome() != Run.Outcome.RUNNING)
            .collect(Collectors.toList());
    }

    private static synchronized JdbcStores stores() {
        if (stores == null) {
            stores = PLUGIN.openStores();
        }
        return stores;
    }
}
