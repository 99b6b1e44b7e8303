package org.jamescollectors.testing.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jamescollectors.store.jdbc.StoreLocation;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private, throw-away PostgreSQL server: initdb in a temporary folder, then postgres listening
 * on 127.0.0.1 only, on a free port, without a Unix socket, so the system's own instance is
 * never touched. Logins need the random password of the {@code collectors} superuser.
 *
 * <p>Needs PostgreSQL's server binaries ({@code apt-get install postgresql}), looked up under
 * {@code /usr/lib/postgresql/<version>/bin}, or in the folder the system property
 * {@code postgres.bin} names. PostgreSQL refuses to run as root: as root, initdb and postgres run
 * through {@code setpriv} as the {@code postgres} user the package creates (or nobody), which
 * then owns the temporary folder; java.io.tmpdir must be reachable by that user, as /tmp is.
 */
final class PostgresServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String USER = "collectors";
    private static final String SYSTEM_USER = "postgres";
    private static final Path DEBIAN_BINARIES = Paths.get("/usr/lib/postgresql");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Process process;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path home, Process process, int port, String password) {
        this.home = home;
        this.process = process;
        this.port = port;
        this.password = password;
    }

    /** The folder holding initdb and postgres, if PostgreSQL is installed. */
    static Optional<Path> binaries() throws IOException {
        String configured = System.getProperty("postgres.bin");
        if (configured != null) {
            return Optional.of(Paths.get(configured)).filter(PostgresServer::hasServer);
        }
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(version -> version.resolve("bin"))
                .filter(PostgresServer::hasServer)
                .max(Comparator.comparing(PostgresServer::majorVersion));
        }
    }

    static PostgresServer start(Path binaries) throws Exception {
        Path home = Files.createTempDirectory("collectors-postgres-");
        String password = UUID.randomUUID().toString();
        Files.writeString(home.resolve("password"), password, StandardCharsets.UTF_8);
        List<String> asUser = runAsUnprivileged(home);
        Path log = home.resolve("postgres.log");
        ProcessRunner.run(command(asUser, binaries.resolve("initdb").toString(),
            "-D", home.resolve("data").toString(), "-U", USER,
            "--pwfile=" + home.resolve("password"), "--auth-local=trust",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), log,
            START_TIMEOUT);
        int port = ProcessRunner.freePort();
        Process process = ProcessRunner.start(command(asUser, binaries.resolve("postgres")
                .toString(), "-D", home.resolve("data").toString(), "-p", Integer.toString(port),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=200"), log);
        PostgresServer server = new PostgresServer(home, process, port, password);
        try {
            ProcessRunner.awaitLogin(process, server.url("postgres"), USER, password, log,
                START_TIMEOUT);
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** Creates a new empty database and returns where it is, with the login. */
    StoreLocation createDatabase() throws SQLException {
        String name = "collectors_test_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return StoreLocation.resolve(Map.of(StoreLocation.URL, url(name),
            StoreLocation.USERNAME, USER, StoreLocation.PASSWORD, password), Optional.empty(),
            home.resolve("var"));
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws Exception {
        ProcessRunner.stop(process, "INT", Duration.ofSeconds(30));
        ProcessRunner.deleteTree(home);
    }

    private static List<String> runAsUnprivileged(Path home) throws IOException {
        if (!ProcessRunner.isRoot()) {
            return List.of();
        }
        if (!ProcessRunner.reachableByOthers(home)) {
            throw new IllegalStateException(home + " cannot be reached by the " + SYSTEM_USER
                + " user: run the tests with -Djava.io.tmpdir=/tmp");
        }
        String[] account = unprivilegedAccount();
        ProcessRunner.chown(home, account[0], account[1]);
        return List.of("setpriv", "--reuid=" + account[0], "--regid=" + account[1],
            "--clear-groups");
    }

    /** The postgres user and group the package creates, else nobody and nogroup. */
    private static String[] unprivilegedAccount() throws IOException {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByGroupName(SYSTEM_USER);
            return new String[] {SYSTEM_USER, SYSTEM_USER};
        } catch (UserPrincipalNotFoundException e) {
            return new String[] {"nobody", "nogroup"};
        }
    }

    private static List<String> command(List<String> prefix, String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        return full;
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb"))
            && Files.isExecutable(bin.resolve("postgres"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port + " in " + home;
    }

    static String describeMissing() {
        return "PostgreSQL server binaries (initdb, postgres) not found under " + DEBIAN_BINARIES
            + "/<version>/bin: apt-get install postgresql, or set -Dpostgres.bin";
    }
}
