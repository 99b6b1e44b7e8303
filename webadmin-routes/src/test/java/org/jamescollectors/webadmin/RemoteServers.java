package org.jamescollectors.webadmin;

import org.jamescollectors.testing.GreenMailRemote;
import org.jamescollectors.testing.LocalDnsServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The outside world of a test class, all on 127.0.0.1: GreenMail as the users' other mail
 * accounts and a DNS server of our own for the provider assistant. Register it before James.
 */
final class RemoteServers implements BeforeAllCallback, AfterAllCallback {
    static final String JEAN = "jean";
    static final String JEAN_PASSWORD = "jean-remote-secret";
    static final String PAUL = "paul";
    static final String PAUL_PASSWORD = "paul-remote-secret";

    private GreenMailRemote remote;
    private LocalDnsServer dns;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        remote = GreenMailRemote.start().user(JEAN, JEAN_PASSWORD).user(PAUL, PAUL_PASSWORD);
        dns = LocalDnsServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        remote.close();
        dns.close();
    }

    GreenMailRemote remote() {
        return remote;
    }

    LocalDnsServer dns() {
        return dns;
    }
}
