package org.jamescollectors.manage.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The assistant's answer for one domain: who hosts it, advice, and settings best first. */
public final class ProviderPresets {
    private final String domain;
    private final Optional<String> provider;
    private final Optional<String> hint;
    private final List<ServerSettings> settings;

    private ProviderPresets(String domain, Optional<String> provider, Optional<String> hint,
                            List<ServerSettings> settings) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.hint = Objects.requireNonNull(hint, "hint");
        this.settings = List.copyOf(settings);
    }

    public static ProviderPresets of(String domain, Optional<String> provider,
                                     Optional<String> hint, List<ServerSettings> settings) {
        return new ProviderPresets(domain, provider, hint, settings);
    }

    public String domain() {
        return domain;
    }

    /** The provider's name; empty when the settings come from the domain's own DNS records. */
    public Optional<String> provider() {
        return provider;
    }

    public Optional<String> hint() {
        return hint;
    }

    public List<ServerSettings> settings() {
        return settings;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProviderPresets)) {
            return false;
        }
        ProviderPresets that = (ProviderPresets) o;
        return domain.equals(that.domain) && provider.equals(that.provider)
            && hint.equals(that.hint) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, provider, hint, settings);
    }

    @Override
    public String toString() {
        return "ProviderPresets{" + domain + ", " + provider.orElse("DNS") + ", " + settings + "}";
    }
}
