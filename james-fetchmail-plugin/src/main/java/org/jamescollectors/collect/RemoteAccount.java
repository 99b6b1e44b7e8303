package org.jamescollectors.collect;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a collector logs in: protocol, server, port, security and user name, and for IMAP the
 * folder it collects from. The password is kept apart (see {@link Password}) so that this value
 * can be shown, logged and compared freely.
 */
public final class RemoteAccount {
    public static final String DEFAULT_IMAP_FOLDER = "INBOX";

    private final Protocol protocol;
    private final String host;
    private final int port;
    private final Security security;
    private final String username;
    private final Optional<String> sourceFolder;

    private RemoteAccount(Protocol protocol, String host, int port, Security security,
                          String username, Optional<String> sourceFolder) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
        this.security = Objects.requireNonNull(security, "security");
        this.username = Objects.requireNonNull(username, "username");
        this.sourceFolder = Objects.requireNonNull(sourceFolder, "sourceFolder");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
        if (protocol == Protocol.POP3 && sourceFolder.isPresent()) {
            throw new IllegalArgumentException("POP3 has no folders: sourceFolder must be empty");
        }
        this.port = port;
    }

    /** An IMAP account; an empty source folder means INBOX. */
    public static RemoteAccount imap(String host, int port, Security security, String username,
                                     Optional<String> sourceFolder) {
        return new RemoteAccount(Protocol.IMAP, host, port, security, username,
            Optional.of(sourceFolder.orElse(DEFAULT_IMAP_FOLDER)));
    }

    public static RemoteAccount pop3(String host, int port, Security security, String username) {
        return new RemoteAccount(Protocol.POP3, host, port, security, username, Optional.empty());
    }

    public static RemoteAccount of(Protocol protocol, String host, int port, Security security,
                                   String username, Optional<String> sourceFolder) {
        if (protocol == Protocol.IMAP) {
            return imap(host, port, security, username, sourceFolder);
        }
        return new RemoteAccount(protocol, host, port, security, username, sourceFolder);
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The server's host name, lower-cased. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Security security() {
        return security;
    }

    public String username() {
        return username;
    }

    /** The IMAP folder collected from (INBOX by default); empty for POP3. */
    public Optional<String> sourceFolder() {
        return sourceFolder;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RemoteAccount)) {
            return false;
        }
        RemoteAccount that = (RemoteAccount) o;
        return protocol == that.protocol && host.equals(that.host) && port == that.port
            && security == that.security && username.equals(that.username)
            && sourceFolder.equals(that.sourceFolder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, host, port, security, username, sourceFolder);
    }

    @Override
    public String toString() {
        return protocol.wireName() + "://" + username + "@" + host + ":" + port + "/"
            + sourceFolder.orElse("") + " (" + security.wireName() + ")";
    }
}
