package org.jamescollectors.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.apache.commons.configuration2.Configuration;

/**
 * Where the collector store lives and how to log in, decided in this order: an explicit JDBC URL
 * in our own settings ({@code store.jdbc.*}); else the database James itself uses, from
 * {@code conf/james-database.properties}; else an embedded Derby database under James'
 * {@code var/}. Immutable. Its description and {@code toString} never show the password.
 */
public final class StoreLocation {
    public static final String URL = "store.jdbc.url";
    public static final String USERNAME = "store.jdbc.username";
    public static final String PASSWORD = "store.jdbc.password";
    public static final String DRIVER = "store.jdbc.driver";
    public static final String POOL_SIZE = "store.jdbc.poolSize";
    public static final int DEFAULT_POOL_SIZE = 4;
    /** The largest pool we accept: a store needs few connections, and a database has limits. */
    public static final int MAX_POOL_SIZE = 64;
    public static final String JAMES_DATABASE_FILE = "james-database.properties";
    /** Where the embedded Derby database goes, under James' {@code var/}. */
    public static final String EMBEDDED_DERBY_FOLDER = "collectors/derby";

    /** Which of the three ways decided the location. */
    public enum Source {
        CONFIGURATION(URL), JAMES_DATABASE("conf/" + JAMES_DATABASE_FILE),
        EMBEDDED_DERBY("embedded Derby under var/");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Source source;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> driverClassName;
    private final int poolSize;

    private StoreLocation(Source source, String url, Optional<String> username,
                          Optional<String> password, Optional<String> driverClassName,
                          int poolSize) {
        this.source = Objects.requireNonNull(source, "source");
        this.url = Objects.requireNonNull(url, "url");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.driverClassName = Objects.requireNonNull(driverClassName, "driverClassName");
        this.poolSize = poolSize;
    }

    /**
     * Decides the location from our settings, James' configuration folder and James' var folder.
     *
     * @throws InvalidStoreConfigurationException listing every wrong setting
     */
    public static StoreLocation resolve(Map<String, String> settings, Path jamesConf,
                                        Path jamesVar) {
        Path jamesDatabase = jamesConf.resolve(JAMES_DATABASE_FILE);
        Optional<Map<String, String>> james = Files.isRegularFile(jamesDatabase)
            ? Optional.of(readProperties(jamesDatabase)) : Optional.empty();
        return resolve(settings, james, jamesVar);
    }

    /** As {@link #resolve(Map, Path, Path)}, from a commons-configuration2 configuration. */
    public static StoreLocation resolve(Configuration settings, Path jamesConf, Path jamesVar) {
        return resolve(asMap(settings), jamesConf, jamesVar);
    }

    /** As {@link #resolve(Map, Path, Path)}, with James' database properties already read. */
    public static StoreLocation resolve(Map<String, String> settings,
                                        Optional<Map<String, String>> jamesDatabase,
                                        Path jamesVar) {
        List<String> problems = new ArrayList<>();
        int poolSize = poolSize(settings, problems);
        Optional<StoreLocation> location = Optional.empty();
        if (value(settings, URL).isPresent()) {
            location = Optional.of(fromSettings(settings, poolSize, problems));
        } else {
            orphanSettings(settings, problems);
            if (jamesDatabase.isPresent()) {
                location = fromJamesDatabase(jamesDatabase.get(), poolSize, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidStoreConfigurationException(problems);
        }
        return location.orElseGet(() -> embeddedDerby(jamesVar, poolSize));
    }

    /** An embedded Derby database in {@code var/collectors/derby}, created when absent. */
    public static StoreLocation embeddedDerby(Path jamesVar, int poolSize) {
        Path folder = jamesVar.resolve(EMBEDDED_DERBY_FOLDER).toAbsolutePath().normalize();
        return new StoreLocation(Source.EMBEDDED_DERBY, "jdbc:derby:" + folder + ";create=true",
            Optional.empty(), Optional.empty(), Optional.of(Drivers.DERBY_EMBEDDED), poolSize);
    }

    public Source source() {
        return source;
    }

    public String url() {
        return url;
    }

    public Optional<String> username() {
        return username;
    }

    /** The password to log in with; never log it. */
    public Optional<String> password() {
        return password;
    }

    /** The driver class, when configured or known from the URL; else DriverManager finds it. */
    public Optional<String> driverClassName() {
        return driverClassName;
    }

    public int poolSize() {
        return poolSize;
    }

    /** True for a Derby database in this JVM (shared with James' JPA when the URL is James'). */
    public boolean isEmbeddedDerby() {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    /** The URL (any password in it hidden), the user and the source, for logs and checks. */
    public String describe() {
        return Drivers.hidePasswords(url) + username.map(user -> " as " + user).orElse("")
            + " (from " + source.label() + ")";
    }

    @Override
    public String toString() {
        return "StoreLocation{" + describe() + "}";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StoreLocation)) {
            return false;
        }
        StoreLocation that = (StoreLocation) o;
        return source == that.source && url.equals(that.url) && username.equals(that.username)
            && password.equals(that.password) && driverClassName.equals(that.driverClassName)
            && poolSize == that.poolSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, url, username, password, driverClassName, poolSize);
    }

    private static StoreLocation fromSettings(Map<String, String> settings, int poolSize,
                                              List<String> problems) {
        String url = value(settings, URL).orElseThrow();
        if (!url.startsWith("jdbc:")) {
            problems.add(URL + " must be a JDBC URL starting with jdbc:, such as"
                + " jdbc:postgresql://db.example/james: " + Drivers.hidePasswords(url));
        }
        Optional<String> driver = value(settings, DRIVER).or(() -> Drivers.forUrl(url));
        return new StoreLocation(Source.CONFIGURATION, url, value(settings, USERNAME),
            value(settings, PASSWORD), driver, poolSize);
    }

    private static Optional<StoreLocation> fromJamesDatabase(Map<String, String> properties,
                                                             int poolSize, List<String> problems) {
        Optional<String> url = value(properties, "database.url");
        if (url.isEmpty()) {
            problems.add("conf/" + JAMES_DATABASE_FILE + " has no database.url: set it as James"
                + " needs it, or set " + URL + " for the collector store");
            return Optional.empty();
        }
        Optional<String> driver = value(properties, "database.driverClassName")
            .or(() -> Drivers.forUrl(url.get()));
        return Optional.of(new StoreLocation(Source.JAMES_DATABASE, url.get(),
            value(properties, "database.username"), value(properties, "database.password"),
            driver, poolSize));
    }

    private static void orphanSettings(Map<String, String> settings, List<String> problems) {
        for (String key : List.of(USERNAME, PASSWORD, DRIVER)) {
            if (value(settings, key).isPresent()) {
                problems.add(key + " is set but " + URL + " is not: set " + URL
                    + " too, or remove " + key);
            }
        }
    }

    private static int poolSize(Map<String, String> settings, List<String> problems) {
        Optional<String> text = value(settings, POOL_SIZE);
        if (text.isEmpty()) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(text.get());
            if (size >= 1 && size <= MAX_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(POOL_SIZE + " must be a whole number from 1 to " + MAX_POOL_SIZE + ": "
            + text.get());
        return DEFAULT_POOL_SIZE;
    }

    private static Optional<String> value(Map<String, String> settings, String key) {
        return Optional.ofNullable(settings.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames()
            .forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static Map<String, String> asMap(Configuration configuration) {
        Map<String, String> values = new HashMap<>();
        Iterator<String> keys = configuration.getKeys();
        while (keys.hasNext()) {
            String key = keys.next();
            values.put(key, String.join(",", configuration.getStringArray(key)));
        }
        return values;
    }
}
