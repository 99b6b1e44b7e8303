package org.jamescollectors.manage.provider;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.jamescollectors.config.CollectorsConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggests settings for an address or a domain: from the catalogue by domain, else (if DNS
 * look-ups are on) from a known provider recognised by the domain's mail exchangers, else from the
 * domain's RFC 6186 SRV records. Nothing is connected to.
 */
@Singleton
public final class ProviderAssistant {
    private static final Logger LOGGER = LoggerFactory.getLogger(ProviderAssistant.class);
    static final String DNS_HINT = "These settings come from the domain's DNS records;"
        + " check them with your provider.";

    private final ProviderCatalogue catalogue;
    private final DnsLookup dns;
    private final boolean dnsLookup;

    private ProviderAssistant(ProviderCatalogue catalogue, DnsLookup dns, boolean dnsLookup) {
        this.catalogue = catalogue;
        this.dns = dns;
        this.dnsLookup = dnsLookup;
    }

    @Inject
    public ProviderAssistant(CollectorsConfiguration configuration, FileSystem fileSystem,
                             DnsLookup dns) {
        this(operatorFolder(configuration, fileSystem)
                .map(ProviderCatalogue.bundled()::withFolder)
                .orElseGet(ProviderCatalogue::bundled),
            dns, configuration.api().dnsLookup());
    }

    public static ProviderAssistant of(ProviderCatalogue catalogue, DnsLookup dns,
                                       boolean dnsLookup) {
        return new ProviderAssistant(catalogue, dns, dnsLookup);
    }

    private static Optional<Path> operatorFolder(CollectorsConfiguration configuration,
                                                 FileSystem fileSystem) {
        String location = configuration.api().providersFolder();
        try {
            return Optional.of(fileSystem.getFile(location).toPath());
        } catch (FileNotFoundException e) {
            LOGGER.info("No provider folder at {}: only the bundled providers are known", location);
            return Optional.empty();
        }
    }

    /** Presets for a domain, lower-case ASCII (the caller checks its syntax). */
    public Optional<ProviderPresets> forDomain(String domain) {
        Optional<Provider> known = catalogue.byDomain(domain);
        if (known.isPresent()) {
            return Optional.of(presets(domain, known.get()));
        }
        if (!dnsLookup) {
            return Optional.empty();
        }
        return byMailExchanger(domain).or(() -> byServiceRecords(domain));
    }

    private Optional<ProviderPresets> byMailExchanger(String domain) {
        return dns.mailExchangers(domain).stream()
            .map(catalogue::byMailExchanger)
            .flatMap(Optional::stream)
            .findFirst()
            .map(provider -> presets(domain, provider));
    }

    private Optional<ProviderPresets> byServiceRecords(String domain) {
        List<ServerSettings> settings = dns.serviceRecords(domain);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProviderPresets.of(domain, Optional.empty(), Optional.of(DNS_HINT),
            settings));
    }

    private static ProviderPresets presets(String domain, Provider provider) {
        return ProviderPresets.of(domain, Optional.of(provider.displayName()), provider.hint(),
            provider.settingsFor(domain));
    }

    /** The catalogue's advice for the provider running that incoming server, if known. */
    public Optional<String> hintForServer(String host) {
        return catalogue.byServerHost(host).flatMap(Provider::hint);
    }
}
