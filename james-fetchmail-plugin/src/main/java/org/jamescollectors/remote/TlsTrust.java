package org.jamescollectors.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.jamescollectors.remote.internal.EitherTrustManager;

/**
 * Which server certificates collectors accept: those the JVM's default trust store accepts, plus
 * optionally those of an extra trust store. The certificate chain and the host name (as typed in
 * the remote account, checked like HTTPS does) are always verified; there is deliberately no way
 * to turn either off. Immutable and thread-safe.
 */
public final class TlsTrust {
    private static final List<String> WANTED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SSLContext context;

    private TlsTrust(SSLContext context) {
        this.context = context;
    }

    /** Trusts what the JVM's default trust store trusts. */
    public static TlsTrust systemDefault() throws GeneralSecurityException {
        return new TlsTrust(contextTrusting(List.of(trustManager(null))));
    }

    /** Trusts the JVM's default trust store and the certificates of {@code extra}. */
    public static TlsTrust withExtraTrust(KeyStore extra) throws GeneralSecurityException {
        Objects.requireNonNull(extra, "extra");
        return new TlsTrust(contextTrusting(List.of(trustManager(null), trustManager(extra))));
    }

    /** Trusts the JVM's default trust store and a trust store file (type e.g. PKCS12 or JKS). */
    public static TlsTrust withExtraTrustStore(Path file, char[] password, String type)
        throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return withExtraTrust(store);
    }

    /**
     * Layers TLS over a connected socket for {@code host} (closing it closes {@code plain}). The
     * handshake is left to the caller, who sets its timeout first.
     */
    public SSLSocket layer(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
            .createSocket(plain, host, port, true);
        socket.setUseClientMode(true);
        socket.setSSLParameters(parameters(socket, host));
        return socket;
    }

    private static SSLParameters parameters(SSLSocket socket, String host) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        List<String> supported = Arrays.asList(socket.getSupportedProtocols());
        List<String> protocols = new ArrayList<>(WANTED_PROTOCOLS);
        protocols.retainAll(supported);
        parameters.setProtocols(protocols.toArray(new String[0]));
        if (!isAddressLiteral(host)) {
            // RFC 6066 §3: SNI carries DNS names only, never address literals.
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        return parameters;
    }

    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store)
        throws GeneralSecurityException {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) manager;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager in "
            + factory.getAlgorithm());
    }

    private static SSLContext contextTrusting(List<X509ExtendedTrustManager> managers)
        throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {EitherTrustManager.of(managers)}, null);
        return context;
    }
}
