package org.jamescollectors.manage.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.LocalDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderAssistantTest {
    private LocalDnsServer dns;
    private DnsLookup lookup;

    @BeforeEach
    void startDns() throws Exception {
        dns = LocalDnsServer.start();
        lookup = new DnsLookup(() -> List.of(dns.address()));
    }

    @AfterEach
    void stopDns() throws Exception {
        dns.close();
    }

    private ProviderAssistant bundled() {
        return ProviderAssistant.of(ProviderCatalogue.bundled(), lookup, true);
    }

    @Test
    void bundledCatalogueShouldCoverTheProvidersUsersAskFor() {
        List<String> domains = ProviderCatalogue.bundled().providers().stream()
            .flatMap(provider -> provider.domains().stream()).collect(Collectors.toList());

        assertThat(domains).contains("gmail.com", "outlook.com", "hotmail.com", "yahoo.com",
            "icloud.com", "gmx.net", "zoho.com", "fastmail.com", "orange.fr", "free.fr", "sfr.fr",
            "laposte.net", "bbox.fr", "ovh.net");
    }

    @Test
    void orangeShouldGetImapThenPop3OverTls() {
        ProviderPresets presets = bundled().forDomain("orange.fr").orElseThrow();

        assertThat(presets.domain()).isEqualTo("orange.fr");
        assertThat(presets.provider()).contains("Orange");
        assertThat(presets.settings()).containsExactly(
            ServerSettings.of(Protocol.IMAP, "imap.orange.fr", 993, Security.TLS),
            ServerSettings.of(Protocol.POP3, "pop.orange.fr", 995, Security.TLS));
        assertThat(dns.questions()).isEmpty();
    }

    @Test
    void gmailShouldSayItNeedsAnAppPassword() {
        ProviderPresets presets = bundled().forDomain("gmail.com").orElseThrow();

        assertThat(presets.provider()).contains("Gmail");
        assertThat(presets.hint()).hasValueSatisfying(hint -> assertThat(hint)
            .contains("app password"));
        assertThat(presets.settings().get(0))
            .isEqualTo(ServerSettings.of(Protocol.IMAP, "imap.gmail.com", 993, Security.TLS));
    }

    @Test
    void outlookShouldSayItNeedsAnOAuth2SignInWeDoNotOffer() {
        ProviderPresets presets = bundled().forDomain("hotmail.fr").orElseThrow();

        assertThat(presets.hint()).hasValueSatisfying(hint -> assertThat(hint)
            .contains("OAuth2").contains("do not offer yet"));
    }

    @Test
    void yahooShouldSayItNeedsAnAppPassword() {
        assertThat(bundled().forDomain("ymail.com").orElseThrow().hint())
            .hasValueSatisfying(hint -> assertThat(hint).contains("app password"));
    }

    @Test
    void hintForServerShouldFindTheProviderOfAnIncomingServer() {
        assertThat(bundled().hintForServer("imap.mail.yahoo.com")).isPresent();
        assertThat(bundled().hintForServer("imap.unknown.example")).isEmpty();
    }

    @Test
    void aDomainHostedByAKnownProviderShouldBeRecognisedByItsMailExchanger() throws Exception {
        dns.mx("dupont-family.test", 1, "mx1.mail.ovh.net");

        ProviderPresets presets = bundled().forDomain("dupont-family.test").orElseThrow();

        assertThat(presets.provider()).contains("OVHcloud");
        assertThat(presets.settings()).first()
            .isEqualTo(ServerSettings.of(Protocol.IMAP, "ssl0.ovh.net", 993, Security.TLS));
    }

    @Test
    void anUnknownDomainShouldGetItsServiceRecordsBestFirst() throws Exception {
        dns.srv("_pop3s._tcp.own.test", 10, 0, 995, "pop.own.test")
            .srv("_imap._tcp.own.test", 0, 0, 143, "imap.own.test")
            .srv("_imaps._tcp.own.test", 0, 0, 993, "imap.own.test")
            .srv("_pop3._tcp.own.test", 0, 0, 0, ".");

        ProviderPresets presets = bundled().forDomain("own.test").orElseThrow();

        assertThat(presets.provider()).isEmpty();
        assertThat(presets.hint()).contains(ProviderAssistant.DNS_HINT);
        assertThat(presets.settings()).containsExactly(
            ServerSettings.of(Protocol.IMAP, "imap.own.test", 993, Security.TLS),
            ServerSettings.of(Protocol.IMAP, "imap.own.test", 143, Security.STARTTLS),
            ServerSettings.of(Protocol.POP3, "pop.own.test", 995, Security.TLS));
    }

    @Test
    void anUnknownDomainWithoutRecordsShouldGetNothing() {
        Optional<ProviderPresets> presets = bundled().forDomain("nothing.test");

        assertThat(presets).isEmpty();
        assertThat(dns.questions()).contains("nothing.test./MX", "_imaps._tcp.nothing.test./SRV");
    }

    @Test
    void dnsShouldNotBeAskedWhenTheOperatorTurnedLookupsOff() {
        ProviderAssistant assistant = ProviderAssistant.of(ProviderCatalogue.bundled(), lookup,
            false);

        assertThat(assistant.forDomain("nothing.test")).isEmpty();
        assertThat(dns.questions()).isEmpty();
    }

    @Test
    void noDnsServerShouldMeanNoLookup() {
        ProviderAssistant assistant = ProviderAssistant.of(ProviderCatalogue.bundled(),
            new DnsLookup(List::of), true);

        assertThat(assistant.forDomain("nothing.test")).isEmpty();
    }

    @Test
    void operatorFilesShouldReplaceBundledProvidersAndBrokenOnesBeSkipped(@TempDir Path folder)
        throws Exception {
        Files.writeString(folder.resolve("orange.xml"), "<clientConfig version=\"1.1\">"
            + "<emailProvider id=\"orange.fr\"><domain>orange.fr</domain>"
            + "<displayName>Orange (local relay)</displayName>"
            + "<incomingServer type=\"imap\"><hostname>imap.%EMAILDOMAIN%</hostname>"
            + "<port>993</port><socketType>SSL</socketType></incomingServer>"
            + "</emailProvider></clientConfig>", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("broken.xml"), "<clientConfig><emailProvider",
            StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("entity.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x ["
            + "<!ENTITY e SYSTEM \"file:///nonexistent/secret\">]><clientConfig>&e;</clientConfig>",
            StandardCharsets.UTF_8);

        ProviderCatalogue catalogue = ProviderCatalogue.bundled().withFolder(folder);
        ProviderPresets presets = ProviderAssistant.of(catalogue, lookup, false)
            .forDomain("orange.fr").orElseThrow();

        assertThat(presets.provider()).contains("Orange (local relay)");
        assertThat(presets.settings()).containsExactly(
            ServerSettings.of(Protocol.IMAP, "imap.orange.fr", 993, Security.TLS));
        assertThat(catalogue.byDomain("gmail.com")).isPresent();
        assertThat(catalogue.byDomain("wanadoo.fr")).isEmpty();
    }
}
