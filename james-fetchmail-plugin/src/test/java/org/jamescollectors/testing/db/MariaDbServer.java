package org.jamescollectors.testing.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamescollectors.store.jdbc.StoreLocation;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private, throw-away MariaDB server: mariadb-install-db into a temporary folder, then mariadbd
 * with {@code --no-defaults} (no file of /etc is read), listening on 127.0.0.1 only, on a free
 * port, its socket in that folder, so the system's own instance is never touched. A
 * {@code collectors} user with a random password is created at start-up.
 *
 * <p>Needs MariaDB's server ({@code apt-get install mariadb-server}): {@code /usr/sbin/mariadbd}
 * and {@code mariadb-install-db} on the PATH's usual places, or in the folder the system
 * property {@code mariadb.bin} names. As root, both run with {@code --user=root}.
 */
final class MariaDbServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String USER = "collectors";
    private static final List<Path> SERVERS = List.of(Paths.get("/usr/sbin/mariadbd"),
        Paths.get("/usr/bin/mariadbd"));
    private static final List<Path> INSTALLERS = List.of(Paths.get("/usr/bin/mariadb-install-db"),
        Paths.get("/usr/bin/mysql_install_db"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Process process;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private MariaDbServer(Path home, Process process, int port, String password) {
        this.home = home;
        this.process = process;
        this.port = port;
        this.password = password;
    }

    /** The server and installer programs, if MariaDB is installed. */
    static Optional<Path[]> binaries() {
        String configured = System.getProperty("mariadb.bin");
        List<Path> servers = configured == null ? SERVERS
            : List.of(Paths.get(configured, "mariadbd"));
        List<Path> installers = configured == null ? INSTALLERS
            : List.of(Paths.get(configured, "mariadb-install-db"));
        Optional<Path> server = servers.stream().filter(Files::isExecutable).findFirst();
        Optional<Path> installer = installers.stream().filter(Files::isExecutable).findFirst();
        if (server.isEmpty() || installer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Path[] {server.get(), installer.get()});
    }

    static MariaDbServer start(Path server, Path installer) throws Exception {
        Path home = Files.createTempDirectory("collectors-mariadb-");
        String password = UUID.randomUUID().toString();
        Path log = home.resolve("mariadb.log");
        List<String> asRoot = ProcessRunner.isRoot() ? List.of("--user=root") : List.of();
        ProcessRunner.run(command(List.of(installer.toString(), "--no-defaults",
            "--datadir=" + home.resolve("data"), "--auth-root-authentication-method=normal",
            "--skip-test-db"), asRoot), log, START_TIMEOUT);
        Files.writeString(home.resolve("init.sql"), "CREATE USER IF NOT EXISTS '" + USER
            + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
            + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1';\n",
            StandardCharsets.UTF_8);
        int port = ProcessRunner.freePort();
        Process process = ProcessRunner.start(command(List.of(server.toString(), "--no-defaults",
            "--datadir=" + home.resolve("data"), "--socket=" + home.resolve("mariadb.sock"),
            "--pid-file=" + home.resolve("mariadb.pid"), "--port=" + port,
            "--bind-address=127.0.0.1", "--skip-name-resolve", "--log-error=" + log,
            "--init-file=" + home.resolve("init.sql"), "--innodb-buffer-pool-size=64M",
            "--innodb-flush-log-at-trx-commit=0", "--max-connections=300"), asRoot), log);
        MariaDbServer started = new MariaDbServer(home, process, port, password);
        try {
            ProcessRunner.awaitLogin(process, started.url(""), USER, password, log,
                START_TIMEOUT);
            return started;
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    /** Creates a new empty database (the server's default character set) and returns it. */
    StoreLocation createDatabase() throws SQLException {
        String name = "collectors_test_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url(""), USER, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return StoreLocation.resolve(Map.of(StoreLocation.URL, url(name),
            StoreLocation.USERNAME, USER, StoreLocation.PASSWORD, password), Optional.empty(),
            home.resolve("var"));
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws Exception {
        ProcessRunner.stop(process, "TERM", Duration.ofSeconds(60));
        ProcessRunner.deleteTree(home);
    }

    private static List<String> command(List<String> command, List<String> options) {
        List<String> full = new ArrayList<>(command);
        full.addAll(options);
        return full;
    }

    static String describeMissing() {
        return "MariaDB server (mariadbd, mariadb-install-db) not found in /usr/sbin or /usr/bin:"
            + " apt-get install mariadb-server, or set -Dmariadb.bin";
    }

    @Override
    public String toString() {
        return "MariaDB on 127.0.0.1:" + port + " in " + home;
    }
}
