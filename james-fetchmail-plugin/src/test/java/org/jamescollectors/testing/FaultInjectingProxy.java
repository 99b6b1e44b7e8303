package org.jamescollectors.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for the failures real servers will not
 * produce on demand: cut the connection after N bytes from the server, stop forwarding (stall),
 * rewrite or drop server lines (e.g. strip a capability), or answer a client command itself
 * (e.g. refuse STARTTLS). Records every byte clients sent. Configure it before connecting;
 * byte counts apply per connection. Lines are only parsed when a rule needs them, so TLS passes
 * through untouched otherwise.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream clientBytes = new ByteArrayOutputStream();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<UnaryOperator<String>> serverRewrites = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private volatile long cutAfter = UNLIMITED;
    private volatile long stallAfter = UNLIMITED;

    private FaultInjectingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Starts a proxy to 127.0.0.1:{@code targetPort}. */
    public static FaultInjectingProxy to(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultInjectingProxy proxy = new FaultInjectingProxy(listener, targetPort);
        Thread acceptor = new Thread(proxy::acceptLoop, "proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes both sides once the server has sent {@code bytes} bytes. */
    public FaultInjectingProxy cutAfterServerBytes(long bytes) {
        cutAfter = bytes;
        return this;
    }

    /** Stops forwarding from the server after {@code bytes} bytes, keeping both sides open. */
    public FaultInjectingProxy stallAfterServerBytes(long bytes) {
        stallAfter = bytes;
        return this;
    }

    /** Rewrites each server line (without its line end); null drops the line. */
    public FaultInjectingProxy rewriteServerLines(UnaryOperator<String> rewrite) {
        serverRewrites.add(rewrite);
        return this;
    }

    /**
     * Hides a capability: removes the word from IMAP lines naming CAPABILITY and drops POP3 CAPA
     * lines equal to it or starting with it and a space ("SASL" drops "SASL PLAIN LOGIN").
     */
    public FaultInjectingProxy stripCapability(String word) {
        String upperWord = word.toUpperCase(Locale.ROOT);
        return rewriteServerLines(line -> {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals(upperWord) || upper.startsWith(upperWord + " ")) {
                return null;
            }
            if (upper.contains("CAPABILITY")) {
                return line.replaceAll("(?i) " + Pattern.quote(word) + "(?= |])",
                    "");
            }
            return line;
        });
    }

    /**
     * Answers a client command starting with {@code command} (after the IMAP tag, if any) with
     * {@code reply} instead of forwarding it; "{tag}" in the reply stands for the command's tag.
     */
    public FaultInjectingProxy answer(String command, String reply) {
        answers.put(command.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    /** Everything clients sent through this proxy so far. */
    public byte[] clientBytes() {
        synchronized (clientBytes) {
            return clientBytes.toByteArray();
        }
    }

    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                new Pair(client, server).start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** One proxied connection: a pump each way. */
    private final class Pair {
        private final Socket client;
        private final Socket server;
        private final Object clientLock = new Object();

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            daemon(this::clientToServer, "proxy-c2s");
            daemon(this::serverToClient, "proxy-s2c");
        }

        private void daemon(Runnable body, String name) {
            Thread thread = new Thread(body, name + "-" + port());
            thread.setDaemon(true);
            thread.start();
        }

        private void clientToServer() {
            try (InputStream in = client.getInputStream()) {
                OutputStream out = server.getOutputStream();
                LineSplitter lines = new LineSplitter();
                byte[] buffer = new byte[16384];
                int count;
                while ((count = in.read(buffer)) > 0) {
                    record(buffer, count);
                    if (answers.isEmpty()) {
                        out.write(buffer, 0, count);
                        continue;
                    }
                    for (byte[] line : lines.split(buffer, count)) {
                        if (!answered(line)) {
                            out.write(line);
                        }
                    }
                }
            } catch (IOException e) {
                // The other side went away; closing below ends the pair.
            } finally {
                closeBoth();
            }
        }

        private boolean answered(byte[] line) throws IOException {
            String text = new String(line, StandardCharsets.ISO_8859_1).trim();
            String[] words = text.split(" ", 2);
            String upper = text.toUpperCase(Locale.ROOT);
            String afterTag = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                if (upper.startsWith(answer.getKey()) || afterTag.startsWith(answer.getKey())) {
                    byte[] reply = (answer.getValue().replace("{tag}", words[0]) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                    toClient(reply, 0, reply.length);
                    return true;
                }
            }
            return false;
        }

        private void serverToClient() {
            long sent = 0;
            try {
                // Not closed on return: a stalled connection must stay open on both sides.
                InputStream in = server.getInputStream();
                LineSplitter lines = new LineSplitter();
                byte[] buffer = new byte[16384];
                int count;
                while ((count = in.read(buffer)) > 0) {
                    List<byte[]> chunks = serverRewrites.isEmpty()
                        ? List.of(Arrays.copyOf(buffer, count))
                        : rewritten(lines.split(buffer, count));
                    for (byte[] chunk : chunks) {
                        long limit = Math.min(cutAfter, stallAfter);
                        int allowed = (int) Math.min(chunk.length, Math.max(0, limit - sent));
                        toClient(chunk, 0, allowed);
                        sent += allowed;
                        if (sent >= stallAfter) {
                            return;
                        }
                        if (sent >= cutAfter) {
                            closeBoth();
                            return;
                        }
                    }
                }
                closeBoth();
            } catch (IOException e) {
                closeBoth();
            }
        }

        private List<byte[]> rewritten(List<byte[]> raw) {
            List<byte[]> result = new ArrayList<>();
            for (byte[] line : raw) {
                String text = new String(line, StandardCharsets.ISO_8859_1);
                String ending = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : "";
                String body = text.substring(0, text.length() - ending.length());
                for (UnaryOperator<String> rewrite : serverRewrites) {
                    body = body == null ? null : rewrite.apply(body);
                }
                if (body != null) {
                    result.add((body + ending).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            return result;
        }

        private void toClient(byte[] bytes, int offset, int length) throws IOException {
            synchronized (clientLock) {
                client.getOutputStream().write(bytes, offset, length);
                client.getOutputStream().flush();
            }
        }

        private void record(byte[] buffer, int count) {
            synchronized (clientBytes) {
                clientBytes.write(buffer, 0, count);
            }
        }

        private void closeBoth() {
            try {
                client.close();
                server.close();
            } catch (IOException e) {
                // Both are being torn down; nothing else to release.
            }
        }
    }

    /** Cuts a byte stream into lines ending with LF, keeping an unfinished line for later. */
    private static final class LineSplitter {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        List<byte[]> split(byte[] buffer, int count) {
            List<byte[]> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.write(buffer[i]);
                if (buffer[i] == '\n') {
                    lines.add(pending.toByteArray());
                    pending.reset();
                }
            }
            return lines;
        }
    }
}
