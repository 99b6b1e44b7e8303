package org.jamescollectors.testing.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the commands of the database fixtures, their output going to a log file. */
final class ProcessRunner {
    private static final int TAIL_LINES = 30;

    private ProcessRunner() {
    }

    /** Runs a command to its end; throws, with the end of its log, when it fails. */
    static void run(List<String> command, Path log, Duration timeout) throws Exception {
        Process process = start(command, log);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within " + timeout
                + "\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with "
                + process.exitValue() + "\n" + tail(log));
        }
    }

    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    }

    /** Sends a signal by name (INT, TERM) and waits; kills the process when it lingers. */
    static void stop(Process process, String signal, Duration grace) throws Exception {
        if (!process.isAlive()) {
            return;
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Waits until the server started by {@code process} accepts a JDBC login. */
    static void awaitLogin(Process process, String url, String user, String password, Path log,
                           Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                    + " while starting\n" + tail(log));
            }
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the server did not accept a login within " + timeout
            + ": " + (last == null ? "" : last.getMessage()) + "\n" + tail(log));
    }

    /** A TCP port free on 127.0.0.1 at the time of the call. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Paths.get("/proc/self"), "unix:uid"));
    }

    /** Gives the folder and everything in it to the user and group. */
    static void chown(Path folder, String user, String group) throws IOException {
        UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal ownerGroup = lookup.lookupPrincipalByGroupName(group);
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.collect(Collectors.toList())) {
                PosixFileAttributeView view = Files.getFileAttributeView(path,
                    PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(ownerGroup);
            }
        }
    }

    /** True when another user can reach {@code folder}: every folder above it is searchable. */
    static boolean reachableByOthers(Path folder) {
        Path above = folder.toAbsolutePath().getParent();
        while (above != null) {
            if (!isSearchableByOthers(above)) {
                return false;
            }
            above = above.getParent();
        }
        return true;
    }

    private static boolean isSearchableByOthers(Path folder) {
        try {
            return Files.getPosixFilePermissions(folder)
                .contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The last lines of a log, for an error message. */
    static String tail(Path log) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES),
                lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
