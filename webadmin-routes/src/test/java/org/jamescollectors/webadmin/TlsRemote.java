package org.jamescollectors.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.TlsTrust;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail playing {@code mail.example.net}, the documentation's remote provider: IMAPS on 993
 * and POP3S on 995 of a loopback address of its own, with a certificate made for that name at
 * the first start (once per JVM, since GreenMail reads its key store once) and trusted by the
 * collectors' connector in tests only.
 */
final class TlsRemote implements AutoCloseable {
    static final String HOST = "mail.example.net";
    private static final String STORE_PASSWORD = "changeit";
    private static Path keyStore;

    private final String address;
    private final GreenMail greenMail;

    private TlsRemote() throws Exception {
        ensureKeyStore();
        this.address = "127." + random() + "." + random() + "." + random();
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(Protocol.IMAP.defaultPort(Security.TLS),
                address, ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(Protocol.POP3.defaultPort(Security.TLS),
                address, ServerSetup.PROTOCOL_POP3S)});
        this.greenMail.start();
    }

    static TlsRemote start() throws Exception {
        return new TlsRemote();
    }

    private static int random() {
        return ThreadLocalRandom.current().nextInt(1, 255);
    }

    private static synchronized void ensureKeyStore() throws IOException, InterruptedException {
        if (keyStore != null) {
            return;
        }
        Path folder = Files.createTempDirectory("greenmail-tls-");
        Path file = folder.resolve("greenmail.p12");
        Process keytool = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048",
            "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-validity", "2",
            "-storetype", "PKCS12", "-keystore", file.toString(),
            "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD))
            .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool could not make the test certificate");
        }
        file.toFile().deleteOnExit();
        folder.toFile().deleteOnExit();
        System.setProperty("greenmail.tls.keystore.file", file.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
        keyStore = file;
    }

    /** Trust in the test certificate, on top of the JVM's. */
    static TlsTrust trust() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate certificate = store.getCertificate("greenmail");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(HOST, certificate);
        return TlsTrust.withExtraTrust(trusted);
    }

    /** The loopback address {@code mail.example.net} resolves to in tests. */
    String address() {
        return address;
    }

    void user(String login, String password) {
        greenMail.setUser(login + "@" + HOST, login, password);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
