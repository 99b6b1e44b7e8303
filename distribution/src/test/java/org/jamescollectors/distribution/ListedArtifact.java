package org.jamescollectors.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One artifact of a file written by {@code mvn dependency:list -DoutputFile=...}, whose lines
 * read {@code group:artifact:type[:classifier]:version:scope}, possibly followed by module
 * information and terminal colour codes.
 */
final class ListedArtifact {
    private static final Pattern TERMINAL_COLOURS = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String groupId;
    private final String artifactId;
    private final String type;
    private final Optional<String> classifier;
    private final String version;

    private ListedArtifact(String groupId, String artifactId, String type,
                           Optional<String> classifier, String version) {
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.type = type;
        this.classifier = classifier;
        this.version = version;
    }

    /** Reads every artifact line of a listing, skipping its header and blank lines. */
    static List<ListedArtifact> readListing(Path listing) throws IOException {
        return Files.readAllLines(listing, StandardCharsets.UTF_8).stream()
            .map(ListedArtifact::parse)
            .flatMap(Optional::stream)
            .collect(Collectors.toList());
    }

    /** Parses one line; empty for a line that names no artifact. */
    static Optional<ListedArtifact> parse(String line) {
        String plain = TERMINAL_COLOURS.matcher(line).replaceAll("").trim();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = WHITESPACE.split(plain, 2)[0].split(":");
        if (parts.length == 5) {
            return Optional.of(new ListedArtifact(parts[0], parts[1], parts[2], Optional.empty(),
                parts[3]));
        }
        if (parts.length == 6) {
            return Optional.of(new ListedArtifact(parts[0], parts[1], parts[2],
                Optional.of(parts[3]), parts[4]));
        }
        return Optional.empty();
    }

    /** {@code group:artifact}, the identity two class paths are compared on. */
    String groupAndArtifact() {
        return groupId + ":" + artifactId;
    }

    /** The name {@code dependency:copy-dependencies} gives the artifact's file by default. */
    String fileName() {
        return artifactId + "-" + version + classifier.map(c -> "-" + c).orElse("") + "." + type;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ListedArtifact)) {
            return false;
        }
        ListedArtifact other = (ListedArtifact) o;
        return groupId.equals(other.groupId) && artifactId.equals(other.artifactId)
            && type.equals(other.type) && classifier.equals(other.classifier)
            && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, artifactId, type, classifier, version);
    }

    @Override
    public String toString() {
        return groupAndArtifact() + ":" + type + classifier.map(c -> ":" + c).orElse("") + ":"
            + version;
    }
}
