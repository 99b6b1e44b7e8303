package org.jamescollectors.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A one-connection fake server on 127.0.0.1 for unit tests of wire details that real servers
 * never produce on demand (odd but legal responses, broken ones). It sends a greeting, then
 * answers each client line with the script's {@link Reply}. The greeting gets its CRLF added.
 */
public final class ScriptedServer implements AutoCloseable {
    /** What to do about one client line. */
    public static final class Reply {
        private final byte[] bytes;
        private final boolean hangUp;

        private Reply(byte[] bytes, boolean hangUp) {
            this.bytes = bytes;
            this.hangUp = hangUp;
        }

        /** Sends the text, each LF written as CRLF. */
        public static Reply text(String text) {
            return new Reply(crlf(text), false);
        }

        public static Reply bytes(byte[] bytes) {
            return new Reply(bytes.clone(), false);
        }

        /** Sends the bytes, then closes the connection. */
        public static Reply thenHangUp(byte[] bytes) {
            return new Reply(bytes.clone(), true);
        }

        public static Reply nothing() {
            return new Reply(new byte[0], false);
        }
    }

    private final ServerSocket listener;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Socket client;

    private ScriptedServer(ServerSocket listener) {
        this.listener = listener;
    }

    public static ScriptedServer start(String greeting, Function<String, Reply> script)
        throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ScriptedServer server = new ScriptedServer(listener);
        Thread thread = new Thread(() -> server.serve(greeting, script), "scripted-server");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /** Text with LF written as CRLF, as bytes. */
    public static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The lines the client sent, without their CRLF. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void serve(String greeting, Function<String, Reply> script) {
        try (Socket socket = listener.accept()) {
            client = socket;
            OutputStream out = socket.getOutputStream();
            out.write(crlf(greeting + "\n"));
            InputStream in = socket.getInputStream();
            String line;
            while ((line = readLine(in)) != null) {
                received.add(line);
                Reply reply = script.apply(line);
                out.write(reply.bytes);
                out.flush();
                if (reply.hangUp) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away: the script is over.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Socket socket = client;
        if (socket != null) {
            socket.close();
        }
    }
}
