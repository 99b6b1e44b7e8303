package org.jamescollectors.remote.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;

import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.HostResolver;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.TargetGuard;
import org.jamescollectors.remote.Timeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the TCP connection: resolves the host, asks the guard about each address right before
 * trying it, and tries the addresses in order until one answers. Addresses the guard refuses are
 * skipped; when all are refused, the guard's failure is thrown.
 */
public final class Dialer {
    private static final Logger LOGGER = LoggerFactory.getLogger(Dialer.class);

    private final HostResolver resolver;
    private final TargetGuard guard;
    private final Timeouts timeouts;

    public Dialer(HostResolver resolver, TargetGuard guard, Timeouts timeouts) {
        this.resolver = resolver;
        this.guard = guard;
        this.timeouts = timeouts;
    }

    public Connection dial(String host, int port) throws RemoteException {
        return dial(host, port, TargetGuard.allowAll());
    }

    /** Dials with one more guard, asked about each address after the dialer's own. */
    public Connection dial(String host, int port, TargetGuard extra) throws RemoteException {
        RemoteException refusal = null;
        RemoteException failure = null;
        for (InetAddress address : resolve(host)) {
            try {
                guard.check(host, address, port);
                extra.check(host, address, port);
            } catch (RemoteException e) {
                refusal = refusal == null ? e : refusal;
                continue;
            }
            try {
                return Connection.over(connect(host, address, port), host, port, timeouts);
            } catch (RemoteException e) {
                failure = e;
            }
        }
        throw failure != null ? failure : refusal;
    }

    private List<InetAddress> resolve(String host) throws RemoteException {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw RemoteException.of(FailureKind.CONNECTION, "The server name " + host
                + " could not be found.", e);
        }
    }

    private Socket connect(String host, InetAddress address, int port) throws RemoteException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port),
                Math.toIntExact(timeouts.connect().toMillis()));
            LOGGER.debug("Connected to {} ({}) port {}", host, address.getHostAddress(), port);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw connectFailure(host, port, e);
        }
    }

    private RemoteException connectFailure(String host, int port, IOException e) {
        if (e instanceof SocketTimeoutException) {
            return RemoteException.of(FailureKind.TIMEOUT, host + " did not accept a connection"
                + " on port " + port + " in time.", e);
        }
        if (e instanceof ConnectException) {
            return RemoteException.of(FailureKind.CONNECTION, host + " refused the connection"
                + " on port " + port + ".", e);
        }
        return RemoteException.of(FailureKind.CONNECTION, host + " could not be reached on port "
            + port + ".", e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The socket never connected; there is nothing to release.
        }
    }
}
