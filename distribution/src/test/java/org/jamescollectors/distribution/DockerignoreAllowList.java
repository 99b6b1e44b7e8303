package org.jamescollectors.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code .dockerignore} written as an allow-list: {@code *} first, then one {@code !path}
 * line per path the build may read. Other forms are refused, as their meaning in Docker is too
 * subtle for this check to follow.
 */
final class DockerignoreAllowList {
    private final List<String> keptPaths;

    private DockerignoreAllowList(List<String> keptPaths) {
        this.keptPaths = keptPaths;
    }

    static DockerignoreAllowList read(Path dockerignore) throws IOException {
        return parse(Files.readAllLines(dockerignore, StandardCharsets.UTF_8));
    }

    static DockerignoreAllowList parse(List<String> lines) {
        List<String> patterns = lines.stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toList());
        if (patterns.isEmpty() || !patterns.get(0).equals("*")) {
            throw new IllegalArgumentException("an allow-list starts with '*', found " + patterns);
        }
        List<String> kept = new ArrayList<>();
        for (String pattern : patterns.subList(1, patterns.size())) {
            kept.add(keptPath(pattern));
        }
        return new DockerignoreAllowList(kept);
    }

    /** Whether the build context keeps {@code source}, a COPY source relative to it. */
    boolean keeps(String source) {
        String path = normalize(source);
        return keptPaths.stream()
            .anyMatch(kept -> path.equals(kept) || path.startsWith(kept + "/"));
    }

    private static String keptPath(String pattern) {
        if (!pattern.startsWith("!") || pattern.matches(".*[*?\\[].*")) {
            throw new IllegalArgumentException(
                "after '*' only '!path' lines without wildcards are understood, found " + pattern);
        }
        return normalize(pattern.substring(1));
    }

    private static String normalize(String path) {
        String normalized = path.trim();
        while (normalized.startsWith("./") || normalized.startsWith("/")) {
            normalized = normalized.substring(normalized.indexOf('/') + 1);
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }
}
