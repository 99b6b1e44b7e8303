package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A peer program run to its end under /usr/bin/time, which reports its CPU and peak RSS. */
final class External {
    static final Path TIME = Path.of("/usr/bin/time");
    private static final long TIMEOUT_MINUTES = 30;

    private final int exitCode;
    private final double cpuSeconds;
    private final long peakRssKib;
    private final String output;

    private External(int exitCode, double cpuSeconds, long peakRssKib, String output) {
        this.exitCode = exitCode;
        this.cpuSeconds = cpuSeconds;
        this.peakRssKib = peakRssKib;
        this.output = output;
    }

    static External run(List<String> command, Path folder, Map<String, String> environment)
        throws IOException, InterruptedException {
        Path times = folder.resolve("time.out");
        Path log = folder.resolve("output.log");
        List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-f", "%U %S %M", "-o",
            times.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed).directory(folder.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " still running after " + TIMEOUT_MINUTES
                + " minutes");
        }
        String[] usage = lastLine(Files.readString(times, StandardCharsets.UTF_8)).split(" ");
        return new External(process.exitValue(),
            Double.parseDouble(usage[0]) + Double.parseDouble(usage[1]),
            Long.parseLong(usage[2]), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String lastLine(String text) {
        String[] lines = text.trim().split("\n");
        return lines[lines.length - 1].trim();
    }

    int exitCode() {
        return exitCode;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    long peakRssKib() {
        return peakRssKib;
    }

    String output() {
        return output;
    }
}
