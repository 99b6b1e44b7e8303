package org.jamescollectors.remote.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.Timeouts;
import org.jamescollectors.remote.TlsTrust;

/**
 * One TCP connection to a mail server, plain or TLS, with its own read buffer. Every socket
 * failure becomes a {@link RemoteException} (TIMEOUT, TLS or CONNECTION) and leaves the
 * connection broken: later calls fail at once, so a half-read reply can never be mistaken for
 * the next one. Not thread-safe.
 */
public final class Connection implements AutoCloseable {
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int MAX_LINE = 64 * 1024;
    private static final ScheduledExecutorService WATCHDOG =
        Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail-source-tls-watchdog");
            thread.setDaemon(true);
            return thread;
        });

    private final String host;
    private final int port;
    private final Timeouts timeouts;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int position;
    private int limit;
    private boolean secure;
    private boolean broken;

    private Connection(Socket socket, String host, int port, Timeouts timeouts) throws IOException {
        this.host = host;
        this.port = port;
        this.timeouts = timeouts;
        attach(socket);
    }

    /** Wraps a connected socket; {@code host} is the name the user gave, used in messages. */
    public static Connection over(Socket socket, String host, int port, Timeouts timeouts)
        throws RemoteException {
        try {
            socket.setSoTimeout(Math.toIntExact(timeouts.read().toMillis()));
            return new Connection(socket, host, port, timeouts);
        } catch (IOException e) {
            closeQuietly(socket);
            throw RemoteException.of(FailureKind.CONNECTION, "The connection to " + host
                + " could not be set up.", e);
        }
    }

    private void attach(Socket newSocket) throws IOException {
        this.socket = newSocket;
        this.in = newSocket.getInputStream();
        this.out = newSocket.getOutputStream();
    }

    public String host() {
        return host;
    }

    public boolean isSecure() {
        return secure;
    }

    /**
     * Upgrades to TLS and verifies the server. Refuses when the server already sent bytes past
     * the STARTTLS reply: they were sent in clear and could have been injected (RFC 2595 §3.1,
     * CVE-2011-0411).
     */
    public void startTls(TlsTrust trust) throws RemoteException {
        ensureUsable();
        if (position < limit) {
            throw fail(RemoteException.of(FailureKind.TLS, host + " sent unexpected data before"
                + " the TLS handshake; the connection was dropped for safety."));
        }
        AtomicBoolean expired = new AtomicBoolean();
        try {
            SSLSocket tls = trust.layer(socket, host, port);
            tls.setSoTimeout(Math.toIntExact(timeouts.handshake().toMillis()));
            handshake(tls, expired);
            tls.setSoTimeout(Math.toIntExact(timeouts.read().toMillis()));
            attach(tls);
            secure = true;
        } catch (IOException e) {
            throw fail(handshakeFailure(expired.get() ? new SocketTimeoutException() : e));
        }
    }

    /** Bounds the whole handshake, not only each read: a server dripping bytes is cut off. */
    private void handshake(SSLSocket tls, AtomicBoolean expired) throws IOException {
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            expired.set(true);
            closeQuietly(tls);
        }, timeouts.handshake().toMillis(), TimeUnit.MILLISECONDS);
        try {
            tls.startHandshake();
        } finally {
            alarm.cancel(false);
        }
    }

    private RemoteException handshakeFailure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return RemoteException.of(FailureKind.TIMEOUT, host + " did not complete the TLS"
                + " handshake within " + seconds(timeouts.handshake().toMillis()) + ".", e);
        }
        Optional<CertificateOutOfDateException> outOfDate =
            CertificateOutOfDateException.findIn(e);
        if (outOfDate.isPresent()) {
            return RemoteException.of(FailureKind.TLS, outOfDate.get().userMessage(host), e);
        }
        if (e instanceof SSLException) {
            return RemoteException.of(FailureKind.TLS, "A secure (TLS) connection to " + host
                + " could not be established: its certificate is not trusted, does not match the"
                + " name " + host + ", or the server's TLS setup is not supported.", e);
        }
        return RemoteException.of(FailureKind.CONNECTION, "The connection to " + host
            + " was lost during the TLS handshake.", e);
    }

    /** Reads one line up to LF, without its CRLF (or bare LF). */
    public byte[] readLine() throws RemoteException {
        byte[] line = new byte[128];
        int length = 0;
        while (true) {
            int b = read();
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                return Arrays.copyOf(line, end);
            }
            if (length == MAX_LINE) {
                throw fail(RemoteException.of(FailureKind.PROTOCOL, host
                    + " sent a reply line longer than " + MAX_LINE + " bytes."));
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE, length * 2));
            }
            line[length++] = (byte) b;
        }
    }

    /** The next byte (0..255); the end of the stream is a CONNECTION failure. */
    public int read() throws RemoteException {
        if (position == limit) {
            fill();
        }
        return buffer[position++] & 0xff;
    }

    /** The next byte without consuming it. */
    public int peek() throws RemoteException {
        if (position == limit) {
            fill();
        }
        return buffer[position] & 0xff;
    }

    /**
     * Copies exactly {@code count} bytes to {@code sink}. A failing sink leaves this connection
     * broken (the rest of the data is unread) and its {@link IOException} is rethrown.
     */
    public void copyTo(OutputStream sink, long count) throws RemoteException, IOException {
        long left = count;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int chunk = (int) Math.min(left, limit - position);
            try {
                sink.write(buffer, position, chunk);
            } catch (IOException e) {
                broken = true;
                closeQuietly(socket);
                throw e;
            }
            position += chunk;
            left -= chunk;
        }
    }

    /** Reads exactly {@code count} bytes into memory (for small literals only). */
    public byte[] readExactly(int count) throws RemoteException {
        byte[] bytes = new byte[count];
        int done = 0;
        while (done < count) {
            if (position == limit) {
                fill();
            }
            int chunk = Math.min(count - done, limit - position);
            System.arraycopy(buffer, position, bytes, done, chunk);
            position += chunk;
            done += chunk;
        }
        return bytes;
    }

    private void fill() throws RemoteException {
        ensureUsable();
        try {
            int count = in.read(buffer, 0, buffer.length);
            if (count < 0) {
                throw new EOFException("end of stream");
            }
            position = 0;
            limit = count;
        } catch (IOException e) {
            throw fail(ioFailure(e));
        }
    }

    /** Writes and flushes. */
    public void send(byte[] bytes) throws RemoteException {
        ensureUsable();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw fail(ioFailure(e));
        }
    }

    private RemoteException ioFailure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return RemoteException.of(FailureKind.TIMEOUT, host + " stopped answering (nothing"
                + " received for " + seconds(timeouts.read().toMillis()) + ").", e);
        }
        if (e instanceof SSLHandshakeException) {
            return RemoteException.of(FailureKind.TLS, "The secure connection to " + host
                + " failed.", e);
        }
        if (e instanceof EOFException) {
            return RemoteException.of(FailureKind.CONNECTION, host
                + " closed the connection unexpectedly.", e);
        }
        return RemoteException.of(FailureKind.CONNECTION, "The connection to " + host
            + " was lost.", e);
    }

    private static String seconds(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }

    private void ensureUsable() throws RemoteException {
        if (broken) {
            throw RemoteException.of(FailureKind.CONNECTION, "The connection to " + host
                + " is no longer usable after an earlier failure.");
        }
    }

    /** Marks the connection broken, closes it and returns {@code failure} for throwing. */
    public RemoteException fail(RemoteException failure) {
        broken = true;
        position = 0;
        limit = 0;
        closeQuietly(socket);
        return failure;
    }

    public boolean isBroken() {
        return broken;
    }

    @Override
    public void close() {
        broken = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do with a socket that cannot even be closed.
        }
    }
}
