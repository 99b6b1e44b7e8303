package org.jamescollectors.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the {@link DovecotServer} shared by the whole test run: started on first
 * use, stopped when the run ends. Skips the class when Dovecot is not installed, unless
 * {@code peers.required=true}, where it fails. Register it with
 * {@code @RegisterExtension static DovecotExtension dovecot = new DovecotExtension();}.
 */
public final class DovecotExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(DovecotExtension.class);

    private DovecotServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        Peers.assumeInstalled(DovecotServer.isInstalled(), "Dovecot",
            "apt-get install dovecot-imapd dovecot-pop3d");
        server = context.getRoot().getStore(NAMESPACE)
            .getOrComputeIfAbsent(DovecotServer.class.getName(), key -> new Running(),
                Running.class)
            .server;
    }

    /** The running server; only valid once the class's tests started. */
    public DovecotServer server() {
        if (server == null) {
            throw new IllegalStateException("Dovecot is not started: register the extension"
                + " on a static field");
        }
        return server;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final DovecotServer server;

        Running() {
            try {
                server = DovecotServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("Dovecot could not be started", e);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
