package org.jamescollectors.testing;

import java.util.HashMap;
import java.util.Map;

import org.jamescollectors.collect.Protocol;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's IMAP and POP3 servers on 127.0.0.1, on ports the system picks, standing in for a
 * user's account at another provider.
 */
public final class GreenMailRemote implements AutoCloseable {
    public static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    private GreenMailRemote() {
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(3143, HOST, ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(3110, HOST, ServerSetup.PROTOCOL_POP3).dynamicPort()});
        this.greenMail.start();
    }

    public static GreenMailRemote start() {
        return new GreenMailRemote();
    }

    public GreenMailRemote user(String login, String password) {
        greenMail.setUser(login + "@remote.example", login, password);
        return this;
    }

    public int port(Protocol protocol) {
        return protocol == Protocol.IMAP ? greenMail.getImap().getPort()
            : greenMail.getPop3().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /**
     * Settings letting collectors reach these servers: loopback allowed, their ports allowed,
     * plaintext allowed (GreenMail speaks no TLS here), plus the given ones.
     */
    public Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("targets.allowedNetworks", "127.0.0.0/8");
        settings.put("targets.allowedPorts", port(Protocol.IMAP) + "," + port(Protocol.POP3)
            + ",993,995");
        settings.put("remote.allowPlaintext", "true");
        settings.putAll(more);
        return settings;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
