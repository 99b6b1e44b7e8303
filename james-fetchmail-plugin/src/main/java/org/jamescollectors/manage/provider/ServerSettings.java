package org.jamescollectors.manage.provider;

import java.util.Locale;
import java.util.Objects;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;

/** One way to reach a provider's incoming mail: protocol, server, port and security. */
public final class ServerSettings {
    private final Protocol protocol;
    private final String host;
    private final int port;
    private final Security security;

    private ServerSettings(Protocol protocol, String host, int port, Security security) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
        this.security = Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
        this.port = port;
    }

    public static ServerSettings of(Protocol protocol, String host, int port, Security security) {
        return new ServerSettings(protocol, host, port, security);
    }

    public Protocol protocol() {
        return protocol;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Security security() {
        return security;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerSettings)) {
            return false;
        }
        ServerSettings that = (ServerSettings) o;
        return protocol == that.protocol && host.equals(that.host) && port == that.port
            && security == that.security;
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, host, port, security);
    }

    @Override
    public String toString() {
        return protocol.wireName() + "://" + host + ":" + port + " (" + security.wireName() + ")";
    }
}
