package org.jamescollectors.manage.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One catalogue entry: a mail provider, the address domains it serves, the mail exchanger domains
 * that reveal it behind a customer's own domain, its incoming servers best first, and advice.
 */
public final class Provider {
    /** Stands for the queried domain in a host name (ISPDB), as lower-cased hosts hold it. */
    static final String DOMAIN_PLACEHOLDER = "%emaildomain%";

    private final String id;
    private final String displayName;
    private final List<String> domains;
    private final List<String> mxDomains;
    private final List<ServerSettings> settings;
    private final Optional<String> hint;

    private Provider(String id, String displayName, List<String> domains, List<String> mxDomains,
                     List<ServerSettings> settings, Optional<String> hint) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.domains = List.copyOf(domains);
        this.mxDomains = List.copyOf(mxDomains);
        this.settings = List.copyOf(settings);
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    public static Provider of(String id, String displayName, List<String> domains,
                              List<String> mxDomains, List<ServerSettings> settings,
                              Optional<String> hint) {
        return new Provider(id, displayName, domains, mxDomains, settings, hint);
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Address domains, lower-case ASCII. */
    public List<String> domains() {
        return domains;
    }

    /** Domains whose mail exchangers mean this provider hosts the mail. */
    public List<String> mxDomains() {
        return mxDomains;
    }

    /** Incoming servers as written in the file, best first; host names may hold the placeholder. */
    public List<ServerSettings> settings() {
        return settings;
    }

    /** Incoming servers for addresses of {@code domain}, the placeholder replaced. */
    public List<ServerSettings> settingsFor(String domain) {
        return settings.stream()
            .map(server -> ServerSettings.of(server.protocol(),
                server.host().replace(DOMAIN_PLACEHOLDER, domain), server.port(),
                server.security()))
            .collect(Collectors.toList());
    }

    /** What the user must know or do at the provider first (enable IMAP, app password...). */
    public Optional<String> hint() {
        return hint;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Provider)) {
            return false;
        }
        Provider that = (Provider) o;
        return id.equals(that.id) && displayName.equals(that.displayName)
            && domains.equals(that.domains) && mxDomains.equals(that.mxDomains)
            && settings.equals(that.settings) && hint.equals(that.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, displayName, domains, mxDomains, settings, hint);
    }

    @Override
    public String toString() {
        return "Provider{" + id + " " + domains + "}";
    }
}
