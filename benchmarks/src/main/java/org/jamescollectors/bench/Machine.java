package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benchmark ran on, as the commands an operator would type print it. */
final class Machine {
    private Machine() {
    }

    static String describe() throws InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<List<String>> commands = List.of(List.of("nproc"), List.of("free", "-h"),
            List.of("uname", "-a"), List.of(java, "-version"),
            List.of(Contenders.FETCHMAIL.toString(), "--version"),
            List.of("/usr/sbin/dovecot", "--version"),
            List.of(Contenders.GETMAIL.toString(), "--version"));
        List<String> parts = new ArrayList<>();
        for (List<String> command : commands) {
            parts.add("$ " + String.join(" ", displayed(command)) + "\n" + output(command));
        }
        return String.join("\n", parts);
    }

    private static List<String> displayed(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        shown.set(0, Path.of(command.get(0)).getFileName().toString());
        return shown;
    }

    private static String output(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
            process.waitFor();
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.startsWith("fetchmail: WARNING") && lines.size() < 4) {
                    lines.add(line);
                }
            }
            return String.join("\n", lines).stripTrailing() + "\n";
        } catch (IOException e) {
            return "(not available: " + e.getMessage() + ")\n";
        }
    }
}
