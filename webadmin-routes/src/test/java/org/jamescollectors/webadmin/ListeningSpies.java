package org.jamescollectors.webadmin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Listening sockets on a loopback address collectors must never reach, counting every
 * connection they accept. Ports that cannot be bound here are left out.
 */
final class ListeningSpies implements BeforeAllCallback, AfterAllCallback {
    static final String ADDRESS = "127.0.0.2";

    private final int[] ports;
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    ListeningSpies(int... ports) {
        this.ports = ports.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (int port : ports) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), port));
                sockets.add(socket);
                Thread thread = new Thread(() -> accept(socket), "spy-" + port);
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                System.out.println("Cannot listen on " + ADDRESS + ":" + port + ": " + e);
            }
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                accepted.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** How many connections reached the spies so far. */
    int accepted() {
        return accepted.get();
    }

    /** How many ports are being listened on. */
    int listening() {
        return sockets.size();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (ServerSocket socket : sockets) {
            socket.close();
        }
    }
}
