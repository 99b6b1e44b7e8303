package org.jamescollectors.webadmin;

import org.jamescollectors.testing.LocalDnsServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The outside world of a test class, all on loopback: GreenMail as the users' accounts at
 * {@code mail.example.net} and a DNS server of our own for the provider assistant. Register it
 * before James.
 */
final class RemoteServers implements BeforeAllCallback, AfterAllCallback {
    static final String JEAN = "jean";
    static final String JEAN_PASSWORD = "jean-remote-secret";
    static final String PAUL = "paul";
    static final String PAUL_PASSWORD = "paul-remote-secret";

    private TlsRemote remote;
    private LocalDnsServer dns;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        remote = TlsRemote.start();
        remote.user(JEAN, JEAN_PASSWORD);
        remote.user(PAUL, PAUL_PASSWORD);
        dns = LocalDnsServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        remote.close();
        dns.close();
    }

    TlsRemote remote() {
        return remote;
    }

    LocalDnsServer dns() {
        return dns;
    }
}
