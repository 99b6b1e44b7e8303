package org.jamescollectors.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.jamescollectors.remote.TlsTrust;

/**
 * A private Dovecot 2.3 instance for tests: its own dovecot.conf in a temporary folder (nothing
 * from /etc/dovecot), a self-signed certificate for localhost and 127.0.0.1, a passwd-file that
 * tests add users to while it runs, and IMAP, IMAPS, POP3 and POP3S on free ports of 127.0.0.1.
 * As root, mail belongs to uid 65534; otherwise everything runs as the current user.
 *
 * <p>What it serves (checked with Dovecot 2.3.19): messages dropped in as raw Maildir files are
 * served with every bare LF turned into CRLF; IMAP also turns NUL into 0x80; POP3 keeps NUL and
 * ends a message lacking a final newline with CRLF (RFC 1939 needs one before the dot).
 */
public final class DovecotServer implements RemoteMailbox, AutoCloseable {
    public static final Path DOVECOT = Paths.get("/usr/sbin/dovecot");
    public static final Path DOVEADM = Paths.get("/usr/bin/doveadm");
    /** The JDK's keytool, which makes the test certificate. */
    public static final Path KEYTOOL = Paths.get(System.getProperty("java.home"), "bin",
        "keytool");
    /** The password of {@link #trustStore()}. */
    public static final String TRUST_STORE_PASSWORD = "changeit";
    private static final int MAIL_UID = 65534;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicLong FILE_COUNTER = new AtomicLong();

    private final Path root;
    private final boolean asRoot;
    private final CertificateValidity validity;
    private final int imapPort;
    private final int imapsPort;
    private final int pop3Port;
    private final int pop3sPort;
    private final boolean pooled;
    private final Map<String, Path> maildirs = new ConcurrentHashMap<>();
    private Process process;

    private DovecotServer(Path root, boolean asRoot, List<Integer> ports,
                          CertificateValidity validity, boolean pooled) {
        this.root = root;
        this.validity = validity;
        this.asRoot = asRoot;
        this.pooled = pooled;
        this.imapPort = ports.get(0);
        this.imapsPort = ports.get(1);
        this.pop3Port = ports.get(2);
        this.pop3sPort = ports.get(3);
    }

    /** Dovecot, doveadm and keytool (for the test certificate) are all there. */
    public static boolean isInstalled() {
        return Files.isExecutable(DOVECOT) && Files.isExecutable(DOVEADM)
            && Files.isExecutable(KEYTOOL);
    }

    /** Writes the configuration, starts Dovecot in the foreground and waits for its banners. */
    public static DovecotServer start() throws Exception {
        return start(CertificateValidity.current(), false);
    }

    /** The same, its certificate valid only when {@code validity} says. */
    public static DovecotServer start(CertificateValidity validity) throws Exception {
        return start(validity, false);
    }

    /**
     * As {@link #start()}, for many short sessions a second (thousands of accounts each logging
     * in once in a while): each login process serves many connections and each POP3 or IMAP
     * process many sessions in turn (Dovecot's high-performance mode), a few of each kept
     * ready, instead of a new process per connection and per session.
     */
    public static DovecotServer startPooled() throws Exception {
        return start(CertificateValidity.current(), true);
    }

    private static DovecotServer start(CertificateValidity validity, boolean pooled)
        throws Exception {
        Path root = Files.createTempDirectory("dovecot-test-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        DovecotServer server = new DovecotServer(root, asRoot, freePorts(4), validity, pooled);
        try {
            server.prepare();
            server.launch();
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    private void prepare() throws Exception {
        for (String folder : List.of("run", "state", "mail", "ssl")) {
            Files.createDirectories(root.resolve(folder));
        }
        Files.createDirectory(users());
        if (asRoot) {
            Files.setAttribute(root.resolve("mail"), "unix:uid", MAIL_UID);
            Files.setAttribute(root.resolve("mail"), "unix:gid", MAIL_UID);
        }
        makeCertificate();
        Files.writeString(config(), DovecotConfig.render(root, asRoot, imapPort, imapsPort,
            pop3Port, pop3sPort, pooled));
    }

    /**
     * A self-signed certificate made by the JDK's keytool, which can date it in the past or the
     * future; its key and certificate are then written as PEM for Dovecot.
     */
    private void makeCertificate() throws Exception {
        Path keyStore = root.resolve("ssl/server.p12");
        run(List.of(KEYTOOL.toString(), "-genkeypair", "-keystore", keyStore.toString(),
            "-storetype", "PKCS12", "-storepass", TRUST_STORE_PASSWORD, "-alias", "dovecot",
            "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
            "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-startdate", validity.startDate(), "-validity", validity.days()), new byte[0]);
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            server.load(in, TRUST_STORE_PASSWORD.toCharArray());
        }
        Certificate cert = server.getCertificate("dovecot");
        Key key = server.getKey("dovecot", TRUST_STORE_PASSWORD.toCharArray());
        Files.writeString(root.resolve("ssl/key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(certificate(), pem("CERTIFICATE", cert.getEncoded()));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("dovecot-test", cert);
        try (OutputStream out = Files.newOutputStream(trustStore())) {
            trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private void launch() throws Exception {
        process = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", config().toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("dovecot.out").toFile())
            .start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        awaitBanner(imapPort, "* OK", deadline);
        awaitBanner(pop3Port, "+OK", deadline);
        awaitListening(imapsPort, deadline);
        awaitListening(pop3sPort, deadline);
    }

    private void awaitBanner(int port, String banner, Instant deadline) throws Exception {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setSoTimeout(1000);
                byte[] start = socket.getInputStream().readNBytes(banner.length());
                if (new String(start, StandardCharsets.US_ASCII).equals(banner)) {
                    return;
                }
            } catch (IOException e) {
                checkAlive(deadline, e);
            }
            Thread.sleep(20);
        }
    }

    private void awaitListening(int port, Instant deadline) throws Exception {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                checkAlive(deadline, e);
            }
            Thread.sleep(20);
        }
    }

    private void checkAlive(Instant deadline, IOException e) throws IOException {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
            throw new IOException("Dovecot did not start; see " + root.resolve("dovecot.log")
                + " and " + root.resolve("dovecot.out"), e);
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            List<Integer> ports = new ArrayList<>();
            sockets.forEach(socket -> ports.add(socket.getLocalPort()));
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * Adds a user in a passwd-file of its own: Dovecot checks a passwd-file for changes at most
     * once a second, but opens a file it has not seen yet at once.
     */
    @Override
    public void addUser(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString(
            password.getBytes(StandardCharsets.UTF_8));
        String line = user + ":{PLAIN.b64}" + encoded + "::::::\n";
        try {
            Files.writeString(users().resolve(user), line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the passwd-file of " + user, e);
        }
    }

    @Override
    public void createFolder(String user, String folder) {
        doveadm("mailbox", "create", "-u", user, folder);
    }

    /** See {@link #deliver(String, String, Path)}. */
    @Override
    public void deliver(String user, String folder, byte[] message) {
        try {
            Path file = Files.createTempFile(scratch(), "message", ".eml");
            Files.write(file, message);
            deliver(user, folder, file);
            Files.delete(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot deliver to " + user + "/" + folder, e);
        }
    }

    /**
     * Drops the message as a raw file into the folder's Maildir "new" directory, so that Dovecot
     * keeps it byte for byte. Files are named so that Dovecot numbers them in delivery order.
     */
    public void deliver(String user, String folder, Path message) throws IOException {
        Path maildir = maildirs.computeIfAbsent(user + "\0" + folder,
            key -> Paths.get(doveadm("mailbox", "path", "-u", user, folder).trim()));
        long count = FILE_COUNTER.incrementAndGet();
        String name = (1_600_000_000L + count) + ".M" + count + "P1.fixture";
        for (String sub : List.of("", "cur", "new", "tmp")) {
            ownedDirectory(maildir.resolve(sub));
        }
        Path temporary = maildir.resolve("tmp").resolve(name);
        Files.copy(message, temporary);
        owned(temporary);
        Files.move(temporary, maildir.resolve("new").resolve(name));
    }

    /** A scratch folder inside this instance's temporary folder, removed with it. */
    public Path scratch() throws IOException {
        return Files.createDirectories(root.resolve("scratch"));
    }

    private void ownedDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Path parent = directory.getParent();
            if (!Files.isDirectory(parent)) {
                ownedDirectory(parent);
            }
            Files.createDirectory(directory);
            owned(directory);
        }
    }

    private void owned(Path path) throws IOException {
        if (asRoot) {
            Files.setAttribute(path, "unix:uid", MAIL_UID);
            Files.setAttribute(path, "unix:gid", MAIL_UID);
        }
    }

    @Override
    public int messageCount(String user, String folder) {
        String status = doveadm("mailbox", "status", "-u", user, "messages", folder).trim();
        return Integer.parseInt(status.substring(status.lastIndexOf('=') + 1));
    }

    @Override
    public int seenCount(String user, String folder) {
        return (int) flags(user, folder).stream().filter(flags -> flags.contains("\\Seen"))
            .count();
    }

    /** The flags of each message of the folder, in UID order, as doveadm prints them. */
    public List<String> flags(String user, String folder) {
        String output = doveadm("fetch", "-u", user, "flags", "mailbox", folder, "all");
        List<String> flags = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("flags:")) {
                flags.add(line.substring("flags:".length()).trim());
            }
        }
        return flags;
    }

    /** Runs doveadm against this instance and returns its standard output. */
    public String doveadm(String... arguments) {
        List<String> command = new ArrayList<>(List.of(DOVEADM.toString(), "-c",
            config().toString()));
        command.addAll(List.of(arguments));
        try {
            return run(command, new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("doveadm failed: " + e.getMessage(), e);
        }
    }

    private static String run(List<String> command, byte[] input) throws IOException {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write(input);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        child.getInputStream().transferTo(output);
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int port(Protocol protocol, Security security) {
        boolean tls = security == Security.TLS;
        if (protocol == Protocol.IMAP) {
            return tls ? imapsPort : imapPort;
        }
        return tls ? pop3sPort : pop3Port;
    }

    @Override
    public TlsTrust trust() {
        try {
            return TlsTrust.withExtraTrustStore(trustStore(), TRUST_STORE_PASSWORD.toCharArray(),
                "PKCS12");
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + trustStore(), e);
        }
    }

    @Override
    public byte[] served(Protocol protocol, byte[] stored) {
        return ServedForm.dovecot(protocol, stored);
    }

    /** The server's certificate, PEM. */
    public Path certificate() {
        return root.resolve("ssl/cert.pem");
    }

    /** A PKCS12 trust store with {@link #certificate()}; password {@link #TRUST_STORE_PASSWORD}. */
    public Path trustStore() {
        return root.resolve("ssl/truststore.p12");
    }

    /** Dovecot's log: logins, refused logins, connections that ended before any login. */
    public Path log() {
        return root.resolve("dovecot.log");
    }

    public Path config() {
        return root.resolve("dovecot.conf");
    }

    private Path users() {
        return root.resolve("users");
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (Boolean.getBoolean("dovecot.keep")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** When the test certificate is valid, in whole days from now. */
    public static final class CertificateValidity {
        private final int startDays;
        private final int days;

        private CertificateValidity(int startDays, int days) {
            this.startDays = startDays;
            this.days = days;
        }

        /** Valid from yesterday for 30 days. */
        public static CertificateValidity current() {
            return new CertificateValidity(-1, 30);
        }

        /** Valid for 30 days that ended {@code daysAgo} days ago. */
        public static CertificateValidity endedDaysAgo(int daysAgo) {
            return new CertificateValidity(-daysAgo - 30, 30);
        }

        /** Valid for 30 days from {@code daysAhead} days on. */
        public static CertificateValidity startingInDays(int daysAhead) {
            return new CertificateValidity(daysAhead, 30);
        }

        /** keytool's relative form: {@code -31d}, {@code +10d}. */
        String startDate() {
            return (startDays < 0 ? "" : "+") + startDays + "d";
        }

        String days() {
            return Integer.toString(days);
        }
    }
}
