package org.jamescollectors.manage.provider;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ResolverConfig;

import com.google.common.net.InetAddresses;

/**
 * The DNS servers James itself uses, read from {@code dnsservice.xml} the way James reads it:
 * the listed {@code servers.server} addresses, plus the system's servers when
 * {@code autodiscover} is on (its default).
 */
public final class JamesDnsServers implements DnsServers {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesDnsServers.class);
    private static final int DNS_PORT = 53;

    private final List<InetSocketAddress> servers;

    @Inject
    public JamesDnsServers(ConfigurationProvider configurationProvider) {
        this.servers = List.copyOf(read(configurationProvider));
    }

    private static List<InetSocketAddress> read(ConfigurationProvider configurationProvider) {
        HierarchicalConfiguration<ImmutableNode> configuration;
        try {
            configuration = configurationProvider.getConfiguration("dnsservice");
        } catch (ConfigurationException e) {
            LOGGER.warn("Cannot read dnsservice.xml; provider DNS look-ups are off: {}",
                e.getMessage());
            return List.of();
        }
        List<InetSocketAddress> found = new ArrayList<>();
        if (configuration.getBoolean("autodiscover", true)) {
            found.addAll(ResolverConfig.getCurrentConfig().servers());
        }
        for (String server : configuration.getStringArray("servers.server")) {
            if (InetAddresses.isInetAddress(server.strip())) {
                found.add(new InetSocketAddress(InetAddresses.forString(server.strip()), DNS_PORT));
            } else {
                LOGGER.warn("Ignoring DNS server '{}' of dnsservice.xml: not an IP address",
                    server);
            }
        }
        return found;
    }

    @Override
    public List<InetSocketAddress> servers() {
        return servers;
    }
}
