package org.jamescollectors.manage.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers the assistant knows: those bundled in the plugin, then those of the operator's
 * folder, which replace bundled ones serving the same domain. Immutable once loaded.
 */
public final class ProviderCatalogue {
    private static final Logger LOGGER = LoggerFactory.getLogger(ProviderCatalogue.class);
    private static final String BUNDLE = "/org/jamescollectors/manage/provider/ispdb/";

    private final Map<String, Provider> byDomain;
    private final List<Provider> providers;

    private ProviderCatalogue(List<Provider> providers) {
        Map<String, Provider> domains = new LinkedHashMap<>();
        for (Provider provider : providers) {
            provider.domains().forEach(domain -> domains.put(domain, provider));
        }
        this.byDomain = Map.copyOf(domains);
        this.providers = List.copyOf(providers);
    }

    public static ProviderCatalogue of(List<Provider> providers) {
        return new ProviderCatalogue(providers);
    }

    /** The catalogue shipped in the plugin's jar; a broken bundled file is a build defect. */
    public static ProviderCatalogue bundled() {
        List<Provider> providers = new ArrayList<>();
        for (String file : bundledFiles()) {
            try (InputStream in = resource(file)) {
                providers.addAll(IspdbParser.parse(in, "bundled " + file));
            } catch (IOException | IspdbException e) {
                throw new IllegalStateException("bundled provider file " + file + ": "
                    + e.getMessage(), e);
            }
        }
        return new ProviderCatalogue(providers);
    }

    /**
     * This catalogue with the {@code *.xml} files of {@code folder} added; a file that cannot be
     * read is skipped with an ERROR naming it. An absent folder adds nothing.
     */
    public ProviderCatalogue withFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return this;
        }
        List<Provider> added = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.xml")) {
            for (Path file : sorted(files)) {
                added.addAll(readOperatorFile(file));
            }
        } catch (IOException e) {
            LOGGER.error("Cannot list the provider folder {}: {}", folder, e.toString());
        }
        return withProviders(added);
    }

    private static List<Provider> readOperatorFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Provider> providers = IspdbParser.parse(in, file.toString());
            LOGGER.info("Loaded provider file {}: {}", file, providers);
            return providers;
        } catch (IOException | IspdbException e) {
            LOGGER.error("Skipping provider file {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    private ProviderCatalogue withProviders(List<Provider> added) {
        List<String> replaced = added.stream().flatMap(provider -> provider.domains().stream())
            .collect(Collectors.toList());
        List<Provider> merged = providers.stream()
            .filter(provider -> provider.domains().stream().noneMatch(replaced::contains))
            .collect(Collectors.toCollection(ArrayList::new));
        merged.addAll(added);
        return new ProviderCatalogue(merged);
    }

    /** The provider serving addresses of that domain (lower-case ASCII). */
    public Optional<Provider> byDomain(String domain) {
        return Optional.ofNullable(byDomain.get(domain));
    }

    /** The provider whose mail exchanger domains cover that mail exchanger host. */
    public Optional<Provider> byMailExchanger(String mxHost) {
        String host = mxHost.endsWith(".") ? mxHost.substring(0, mxHost.length() - 1) : mxHost;
        return providers.stream()
            .filter(provider -> provider.mxDomains().stream()
                .anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain)))
            .findFirst();
    }

    /** The provider one of whose incoming servers is that host. */
    public Optional<Provider> byServerHost(String host) {
        return providers.stream()
            .filter(provider -> provider.settings().stream()
                .anyMatch(server -> server.host().equals(host)))
            .findFirst();
    }

    public List<Provider> providers() {
        return providers;
    }

    private static List<String> bundledFiles() {
        try (InputStream in = resource("index.txt");
             BufferedReader reader = new BufferedReader(
                 new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled provider index", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ProviderCatalogue.class.getResourceAsStream(BUNDLE + name);
        if (in == null) {
            throw new IOException("missing resource " + BUNDLE + name);
        }
        return in;
    }

    private static List<Path> sorted(DirectoryStream<Path> files) {
        List<Path> list = new ArrayList<>();
        files.forEach(list::add);
        list.sort(null);
        return list;
    }
}
