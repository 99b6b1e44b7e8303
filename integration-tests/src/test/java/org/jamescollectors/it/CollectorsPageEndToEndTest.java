package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.awaitility.Awaitility;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestMessages;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The users' page in a real browser (Debian's headless Chromium) against James with the plugin
 * and a real Dovecot account: the whole life of a collector, clicked through as a user would,
 * with a screenshot of every step at desktop and phone widths in {@code target/screenshots/}.
 */
class CollectorsPageEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES = CollectorsJames.withUserRoutes(
        CollectorsPageEndToEndTest::settings, Map::of);

    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static final String JAMES_PASSWORD = "page-secret";
    private static final String REMOTE_PASSWORD = "remote-secret";
    private static final String CHANGED_PASSWORD = "changed-remotely";
    private static final int DESKTOP = 1280;
    private static final int PHONE = 360;
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Map<String, String> settings() {
        DovecotServer dovecot = DOVECOT.server();
        Map<String, String> settings = Remote.settingsFor(dovecot);
        settings.put("providers.folder", "file://" + providers(dovecot).toAbsolutePath());
        settings.put("providers.dnsLookup", "false");
        return settings;
    }

    /** A provider file telling the assistant that remote.test is served by the test Dovecot. */
    private static Path providers(DovecotServer dovecot) {
        try {
            Path folder = dovecot.scratch().resolve("providers");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("remote.test.xml"), "<?xml version=\"1.0\"?>\n"
                + "<clientConfig version=\"1.1\"><emailProvider id=\"remote.test\">"
                + "<domain>remote.test</domain><displayName>Remote Test</displayName>"
                + "<incomingServer type=\"imap\"><hostname>127.0.0.1</hostname>"
                + "<port>" + dovecot.port(Protocol.IMAP, Security.TLS) + "</port>"
                + "<socketType>SSL</socketType><username>%EMAILADDRESS%</username>"
                + "</incomingServer><enable><instruction lang=\"en\">Use your Remote Test"
                + " password.</instruction></enable></emailProvider></clientConfig>\n",
                StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void needChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void userShouldManageACollectorFromAddingToDeleting(String language, GuiceJamesServer james)
        throws Exception {
        String remoteUser = TestUsers.next("page");
        DOVECOT.server().addUser(remoteUser, REMOTE_PASSWORD);
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        james.getProbe(MailboxProbeImpl.class).createMailbox(
            MailboxPath.forUser(Username.of(owner), "Archives"));

        try (HeadlessChromium browser = HeadlessChromium.start(language)) {
            Flow flow = new Flow(browser, language, remoteUser);
            flow.signIn(pageUrl(james), owner);
            CollectorId id = flow.addThroughTheAssistant();
            flow.collectNow(james, owner);
            flow.breakThePasswordUntilPaused();
            flow.fixAndEdit();
            flow.switchOffAndOn();
            flow.showHistory();
            flow.delete();

            assertThat(TestHooks.current().stores().collectors().find(id)).isEmpty();
        }
    }

    @Test
    void pageShouldFollowTheLanguageSwitch(GuiceJamesServer james) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start("en")) {
            browser.open(pageUrl(james));
            browser.awaitText("h1", Texts.of("en").get("title"));

            browser.click("#language option[value=fr]");

            browser.awaitText("h1", Texts.of("fr").get("title"));
            assertThat(browser.text("#sign-in-view button[type=submit]"))
                .isEqualTo(Texts.of("fr").get("signIn"));
        }
    }

    @Test
    void userShouldSignInAndOpenTheAssistantWithTheKeyboardOnly(GuiceJamesServer james)
        throws Exception {
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        try (HeadlessChromium browser = HeadlessChromium.start("en")) {
            browser.open(pageUrl(james));
            browser.visible("#login");
            browser.awaitTrue(() -> focusedId(browser).equals("login"), "focus on the login");

            browser.typeIntoFocused(owner + Keys.TAB + JAMES_PASSWORD + Keys.ENTER);
            browser.visible("#collectors-view");
            browser.awaitTrue(() -> focusedId(browser).equals("add-button"), "focus on add");
            browser.typeIntoFocused(Keys.ENTER);

            browser.visible("#add-view");
            browser.awaitTrue(() -> focusedId(browser).equals("address"), "focus on address");
        }
    }

    @Test
    void wrongPasswordShouldBeSaidOnThePageWithoutTheBrowserDialog(GuiceJamesServer james)
        throws Exception {
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        try (HeadlessChromium browser = HeadlessChromium.start("en")) {
            browser.open(pageUrl(james));

            browser.type("#login", owner);
            browser.type("#sign-in-password", "wrong");
            browser.click("#sign-in-form button[type=submit]");

            assertThat(browser.awaitText("#sign-in-error", Texts.of("en").get("signInWrong")))
                .isEqualTo(Texts.of("en").get("signInWrong"));
            assertThat(browser.displayed(browser.find("#collectors-view"))).isFalse();
        }
    }

    @Test
    void unknownAddressShouldLeadToSettingEverythingByHand(GuiceJamesServer james)
        throws Exception {
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        Texts texts = Texts.of("en");
        try (HeadlessChromium browser = HeadlessChromium.start("en")) {
            browser.open(pageUrl(james));
            signIn(browser, owner);
            browser.click("#add-button");

            browser.type("#address", "someone@unknown.test");
            browser.click("#lookup-form button[type=submit]");

            assertThat(browser.awaitText("#provider", texts.get("noPreset")))
                .isEqualTo(texts.get("noPreset"));
            assertThat(browser.value("#create-form [name=host]")).isEmpty();
            assertThat(browser.value("#create-form [name=username]"))
                .isEqualTo("someone@unknown.test");
        }
    }

    @Test
    void setByHandShouldOfferEmptyServerSettings(GuiceJamesServer james) throws Exception {
        String owner = CollectionEndToEndTest.jamesUser(james, JAMES_PASSWORD);
        try (HeadlessChromium browser = HeadlessChromium.start("en")) {
            browser.open(pageUrl(james));
            signIn(browser, owner);
            browser.click("#add-button");

            browser.click("#by-hand");

            browser.visible("#create-form");
            assertThat(browser.value("#create-form [name=host]")).isEmpty();
            assertThat(browser.value("#create-form [name=protocol]")).isEqualTo("imap");
            assertThat(browser.displayed(browser.find("#provider-hint"))).isFalse();
        }
    }

    private static String focusedId(HeadlessChromium browser) {
        try {
            return browser.script("return document.activeElement.id;").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static void signIn(HeadlessChromium browser, String owner) throws Exception {
        browser.type("#login", owner);
        browser.type("#sign-in-password", JAMES_PASSWORD);
        browser.click("#sign-in-form button[type=submit]");
        browser.visible("#collectors-view");
    }

    /** A new collector runs at once; the test waits for that run before it counts messages. */
    private static void awaitFirstRun(CollectorId id) throws Exception {
        TestHooks hooks = TestHooks.current();
        Awaitility.await().atMost(Duration.ofSeconds(60))
            .until(() -> !hooks.stores().runs().recent(id, 1).isEmpty()
                && hooks.scheduler().runningRun(id).isEmpty());
    }

    private static String pageUrl(GuiceJamesServer james) {
        int port = james.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        return "http://127.0.0.1:" + port + "/collectors-ui/";
    }

    /** One user's way through the page, step by step, with a screenshot of each. */
    private static final class Flow {
        private static final String CARD = "article.collector";

        private final HeadlessChromium browser;
        private final Texts texts;
        private final Steps steps;
        private final String remoteUser;

        Flow(HeadlessChromium browser, String language, String remoteUser) {
            this.browser = browser;
            this.texts = Texts.of(language);
            this.steps = new Steps(browser, language);
            this.remoteUser = remoteUser;
        }

        void signIn(String url, String owner) throws Exception {
            browser.open(url);
            browser.awaitText("h1", texts.get("title"));
            steps.shoot("01-sign-in");

            CollectorsPageEndToEndTest.signIn(browser, owner);

            assertThat(browser.awaitText("#usage", "0"))
                .isEqualTo(texts.get("usage", "used", "0", "allowed", "5"));
            steps.shoot("02-no-collector");
        }

        CollectorId addThroughTheAssistant() throws Exception {
            browser.click("#add-button");
            browser.type("#address", remoteUser);
            browser.click("#lookup-form button[type=submit]");
            browser.visible("#create-form");
            assertThat(browser.value("#create-form [name=host]")).isEqualTo("127.0.0.1");
            assertThat(browser.value("#create-form [name=username]")).isEqualTo(remoteUser);
            assertThat(browser.text("#provider-hint")).isEqualTo("Use your Remote Test password.");
            browser.type("#create-form [name=name]", HOSTILE_NAME);
            browser.type("#create-form [name=password]", "not-the-password");
            steps.shoot("03-assistant");

            browser.click("#create-button");
            assertThat(browser.awaitText(".field-error[data-field=password]",
                texts.get("error.authentication"))).startsWith(texts.get("error.authentication"));
            steps.shoot("04-password-refused");

            browser.type("#create-form [name=password]", REMOTE_PASSWORD);
            browser.click("#create-button");
            browser.visible(CARD);
            assertThat(browser.text(CARD + " .name")).isEqualTo(HOSTILE_NAME);
            assertThat(browser.findAll("img")).isEmpty();
            assertThat(browser.text(CARD + " .state")).isEqualTo(texts.get("state.active"));
            assertThat(browser.text("#usage"))
                .isEqualTo(texts.get("usage", "used", "1", "allowed", "5"));
            CollectorId id = CollectorId.of(browser.script(
                "return document.querySelector('article.collector').dataset.id;").asText());
            awaitFirstRun(id);
            steps.shoot("05-active");
            return id;
        }

        void collectNow(GuiceJamesServer james, String owner) throws Exception {
            DovecotServer dovecot = DOVECOT.server();
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("first"));
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("second"));
            dovecot.deliver(remoteUser, "INBOX", TestMessages.simple("third"));

            browser.click(CARD + " .collect-now");

            browser.awaitText(CARD + " .result", texts.get("result.success", "messages", "3"));
            assertThat(CollectionEndToEndTest.inbox(james, owner)).hasSize(3);
            steps.shoot("06-collected");
        }

        /** Dovecot looks at a changed passwd-file at most once a second. */
        void breakThePasswordUntilPaused() throws Exception {
            DOVECOT.server().addUser(remoteUser, CHANGED_PASSWORD);
            Thread.sleep(1500);

            browser.click(CARD + " .collect-now");
            browser.awaitText(CARD + " .result", texts.get("problem.authentication"));
            browser.click(CARD + " .collect-now");

            browser.awaitText(CARD + " .state", texts.get("state.paused"));
            assertThat(browser.text(CARD + " .state")).isEqualTo(texts.get("state.paused")
                + " — " + texts.get("problem.authentication"));
            steps.shoot("07-paused");
        }

        void fixAndEdit() throws Exception {
            browser.click(CARD + " .edit");
            browser.type(CARD + " .edit-access [name=password]", CHANGED_PASSWORD);
            browser.click(CARD + " .edit-retention [name=fetchAll]");
            assertThat(keepCopiesBox("disabled")).isFalse();
            browser.click(CARD + " .edit-retention [name=fetchAll]");
            assertThat(keepCopiesBox("disabled && box.checked")).isTrue();
            steps.shoot("08-edit");

            browser.click(CARD + " .edit-access button[type=submit]");
            assertThat(browser.awaitText(CARD + " .state", texts.get("state.active")))
                .isEqualTo(texts.get("state.active"));

            browser.click(CARD + " .edit");
            browser.click(CARD + " .edit-target [name=targetFolder] option[value=Archives]");
            browser.click(CARD + " .edit-target button[type=submit]");
            browser.awaitText(CARD + " .target", "Archives");
            steps.shoot("09-fixed");
        }

        private boolean keepCopiesBox(String condition) throws Exception {
            return browser.script("var box = document.querySelector("
                + "'.edit-retention [name=deleteAfterFetch]'); return box." + condition + ";")
                .asBoolean();
        }

        void switchOffAndOn() throws Exception {
            switchOnOff();
            assertThat(browser.awaitText(CARD + " .state", texts.get("state.disabled")))
                .isEqualTo(texts.get("state.disabled"));
            assertThat(browser.script("return document.querySelector("
                + "'article.collector .collect-now').disabled;").asBoolean()).isTrue();

            switchOnOff();

            browser.awaitText(CARD + " .state", texts.get("state.active"));
        }

        private void switchOnOff() throws Exception {
            browser.click(CARD + " .edit");
            browser.click(CARD + " .edit-enabled [name=enabled]");
            browser.click(CARD + " .edit-enabled button[type=submit]");
            browser.visible("#list-message");
        }

        void showHistory() throws Exception {
            browser.click(CARD + " .history");

            browser.visible(CARD + " .history-panel table");
            assertThat(browser.findAll(CARD + " .history-panel tbody tr")).hasSizeGreaterThan(3);
            steps.shoot("10-history");
        }

        void delete() throws Exception {
            browser.click(CARD + " .delete");
            browser.awaitText(CARD + " .delete-panel", HOSTILE_NAME);
            steps.shoot("11-confirm-delete");

            browser.click(CARD + " .confirm-delete");

            browser.visible("#empty");
            assertThat(browser.findAll(CARD)).isEmpty();
            steps.shoot("12-deleted");
        }
    }

    /** Screenshots of one step at both widths, named after the language and the step. */
    private static final class Steps {
        private final HeadlessChromium browser;
        private final String language;

        Steps(HeadlessChromium browser, String language) {
            this.browser = browser;
            this.language = language;
        }

        void shoot(String step) throws Exception {
            browser.screenshot(SCREENSHOTS.resolve(language + "-" + step + "-phone.png"), PHONE);
            int overflow = browser.script("return document.documentElement.scrollWidth;").asInt();
            assertThat(overflow).as("page width at %d px, step %s", PHONE, step)
                .isLessThanOrEqualTo(PHONE);
            browser.screenshot(SCREENSHOTS.resolve(language + "-" + step + "-desktop.png"),
                DESKTOP);
        }
    }
}
