package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** CPU time and peak resident memory of a process, read from Linux' /proc. */
final class ProcUsage {
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;
    private static final int UTIME_FIELD = 13;
    private static final int STIME_FIELD = 14;

    private ProcUsage() {
    }

    static long self() {
        return ProcessHandle.current().pid();
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(proc(pid, "stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[UTIME_FIELD - 2])
            + Long.parseLong(fields[STIME_FIELD - 2]);
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** The peak resident set (VmHWM) in KiB since the start or the last reset. */
    static long peakRssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(proc(pid, "status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmHWM for process " + pid);
    }

    /** Sets the peak resident set back to the current one. */
    static void resetPeak(long pid) throws IOException {
        Files.writeString(proc(pid, "clear_refs"), "5");
    }

    private static Path proc(long pid, String file) {
        return Paths.get("/proc", Long.toString(pid), file);
    }
}
