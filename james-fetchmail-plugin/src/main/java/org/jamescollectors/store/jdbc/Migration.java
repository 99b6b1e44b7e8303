package org.jamescollectors.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema script, {@code V<version>__<description>.sql}: the common text and the
 * texts that replace it on some dialects. Statements end with a semicolon at the end of a line;
 * lines starting with {@code --} are comments.
 */
final class Migration {
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__[A-Za-z0-9_]+\\.sql");

    private final int version;
    private final String name;
    private final String common;
    private final Map<Dialect, String> overrides;

    private Migration(int version, String name, String common, Map<Dialect, String> overrides) {
        this.version = version;
        this.name = name;
        this.common = Objects.requireNonNull(common, "common");
        this.overrides = Map.copyOf(overrides);
    }

    /** A migration named like {@code V2__add_quota.sql}; throws on any other name. */
    static Migration of(String name, String common, Map<Dialect, String> overrides) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new MigrationException("a migration is named V<version>__<words>.sql: " + name);
        }
        return new Migration(Integer.parseInt(matcher.group(1)), name, common, overrides);
    }

    int version() {
        return version;
    }

    String name() {
        return name;
    }

    /** The script as it runs on the dialect. */
    String text(Dialect dialect) {
        return overrides.getOrDefault(dialect, common);
    }

    /** SHA-256 of the script for the dialect, line endings made LF first. */
    String checksum(Dialect dialect) {
        return sha256(text(dialect).replace("\r\n", "\n"));
    }

    /** The statements to run on the dialect, with its table options added to CREATE TABLE. */
    List<String> statements(Dialect dialect) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text(dialect).split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line.stripTrailing());
            if (trimmed.endsWith(";")) {
                statements.add(finish(current.substring(0, current.length() - 1), dialect));
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            statements.add(finish(current.toString(), dialect));
        }
        return statements;
    }

    private static String finish(String statement, Dialect dialect) {
        String trimmed = statement.trim();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE")) {
            return trimmed + dialect.tableOptions();
        }
        return trimmed;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder hex = new StringBuilder();
            for (byte b : digest.digest(text.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
