package org.jamescollectors.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The source paths of the {@code COPY} and {@code ADD} instructions of a Dockerfile, which must
 * exist in the build context. Copies from another stage or image ({@code --from}) are skipped.
 * Sources with variables or here-documents are refused rather than guessed at.
 */
final class DockerfileCopies {
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private DockerfileCopies() {
    }

    /** Reads the sources of every local COPY and ADD in the Dockerfile at {@code dockerfile}. */
    static List<String> sources(Path dockerfile) throws IOException {
        return sources(Files.readAllLines(dockerfile, StandardCharsets.UTF_8));
    }

    static List<String> sources(List<String> lines) {
        List<String> sources = new ArrayList<>();
        for (String instruction : instructions(lines)) {
            sources.addAll(sourcesOf(instruction));
        }
        return sources;
    }

    /** Joins continued lines and drops comments and blank lines. */
    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(trimmed).toString().trim());
            current.setLength(0);
        }
        if (current.length() > 0) {
            instructions.add(current.toString().trim());
        }
        return instructions;
    }

    private static List<String> sourcesOf(String instruction) {
        String[] keywordAndRest = WHITESPACE.split(instruction, 2);
        String keyword = keywordAndRest[0].toUpperCase(Locale.ROOT);
        if (!(keyword.equals("COPY") || keyword.equals("ADD")) || keywordAndRest.length < 2) {
            return List.of();
        }
        List<String> arguments = arguments(instruction, keywordAndRest[1]);
        if (arguments.stream().anyMatch(argument -> argument.startsWith("--from="))) {
            return List.of();
        }
        List<String> paths = arguments.stream()
            .filter(argument -> !argument.startsWith("--"))
            .collect(Collectors.toList());
        if (paths.size() < 2) {
            throw new IllegalArgumentException("no source and destination in: " + instruction);
        }
        return refuseUnchecked(instruction, paths.subList(0, paths.size() - 1));
    }

    private static List<String> arguments(String instruction, String rest) {
        if (rest.contains("<<")) {
            throw new IllegalArgumentException("here-documents are not checked: " + instruction);
        }
        List<String> arguments = new ArrayList<>();
        String remainder = rest.trim();
        while (remainder.startsWith("--")) {
            String[] flagAndRest = WHITESPACE.split(remainder, 2);
            arguments.add(flagAndRest[0]);
            remainder = flagAndRest.length > 1 ? flagAndRest[1] : "";
        }
        if (remainder.startsWith("[")) {
            Matcher strings = JSON_STRING.matcher(remainder);
            while (strings.find()) {
                arguments.add(strings.group(1));
            }
        } else if (!remainder.isEmpty()) {
            arguments.addAll(Arrays.asList(WHITESPACE.split(remainder)));
        }
        return arguments;
    }

    private static List<String> refuseUnchecked(String instruction, List<String> sources) {
        for (String source : sources) {
            if (source.contains("$")) {
                throw new IllegalArgumentException(
                    "a variable in a source cannot be checked, spell the path out: " + instruction);
            }
        }
        return sources;
    }
}
