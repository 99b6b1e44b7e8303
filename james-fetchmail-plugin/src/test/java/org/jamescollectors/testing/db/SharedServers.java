package org.jamescollectors.testing.db;

import java.util.concurrent.Callable;

/** Starts servers shared by every test class of a JVM, and stops them if the JVM ends early. */
final class SharedServers {
    private SharedServers() {
    }

    /** Starts a server for JUnit's root store, which closes it after the last test. */
    static <T extends AutoCloseable> T start(Callable<T> starter) {
        try {
            T server = starter.call();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server),
                "stop " + server));
            return server;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                "could not start the test server: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // the JVM is ending: nothing left to tell
        }
    }
}
