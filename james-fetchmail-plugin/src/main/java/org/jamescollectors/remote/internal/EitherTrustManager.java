package org.jamescollectors.remote.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server when its own certificate is valid now and any of its trust managers accepts
 * it. Each delegate gets the socket or engine, so each verifies the host name as well as the
 * chain. Never trusts a client.
 */
public final class EitherTrustManager extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> delegates;

    private EitherTrustManager(List<X509ExtendedTrustManager> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    public static EitherTrustManager of(List<X509ExtendedTrustManager> delegates) {
        if (delegates.isEmpty()) {
            throw new IllegalArgumentException("at least one trust manager is needed");
        }
        return new EitherTrustManager(delegates);
    }

    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void anyAccepts(X509Certificate[] chain, Check check) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        CertificateOutOfDateException.requireValid(chain[0], Instant.now());
        CertificateException first = null;
        for (X509ExtendedTrustManager delegate : delegates) {
            try {
                check.run(delegate);
                return;
            } catch (CertificateException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
        anyAccepts(chain, manager -> manager.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
        anyAccepts(chain, manager -> manager.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
        throw new CertificateException("a server must be checked with its socket or engine,"
            + " so that its host name is verified");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
        throw new CertificateException("collectors never accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
        throw new CertificateException("collectors never accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
        throw new CertificateException("collectors never accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegates.stream()
            .flatMap(delegate -> Arrays.stream(delegate.getAcceptedIssuers()))
            .toArray(X509Certificate[]::new);
    }
}
