package org.jamescollectors.distribution;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the distribution's build put its output, as failsafe passes it in system properties. */
final class BuildOutput {
    private BuildOutput() {
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property
                + " is not set: run the distribution checks with mvn verify");
        }
        return Path.of(value.trim()).toAbsolutePath().normalize();
    }

    static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted()
                .collect(Collectors.toList());
        }
    }

    /** Whether {@code source}, a path or glob relative to {@code context}, names something. */
    static boolean exists(Path context, String source) throws IOException {
        if (!source.matches(".*[*?\\[].*")) {
            return Files.exists(context.resolve(source));
        }
        String glob = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        int depth = glob.split("/").length;
        try (Stream<Path> paths = Files.walk(context, depth)) {
            return paths.anyMatch(path -> matcher.matches(context.relativize(path)));
        }
    }
}
