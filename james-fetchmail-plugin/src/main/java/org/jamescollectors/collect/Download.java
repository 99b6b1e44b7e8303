package org.jamescollectors.collect;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jamescollectors.remote.MailSource;
import org.jamescollectors.remote.RemoteException;
import org.jamescollectors.remote.RemoteMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One remote message being downloaded into a temporary file on another thread, so that it
 * travels while the message before it goes through James' pipeline. A session has at most one
 * download in flight, and nothing else uses the session meanwhile: remote sessions are not
 * shared between threads otherwise.
 */
final class Download {
    private static final Logger LOGGER = LoggerFactory.getLogger(Download.class);
    private static final int BUFFER = 64 * 1024;

    private final RemoteMessage message;
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private final Future<Path> file;

    private Download(ExecutorService threads, MailSource source, RemoteMessage message,
                     Path folder, CollectorId collector) {
        this.message = message;
        this.file = threads.submit(() -> {
            MDC.put("collector", collector.asString());
            try {
                Path written = write(source, message, folder);
                if (abandoned.get()) {
                    deleteQuietly(written);
                }
                return written;
            } finally {
                MDC.remove("collector");
            }
        });
    }

    /** Starts downloading the message into a new file of {@code folder}. */
    static Download start(ExecutorService threads, MailSource source, RemoteMessage message,
                          Path folder, CollectorId collector) {
        return new Download(threads, source, message, folder, collector);
    }

    private static Path write(MailSource source, RemoteMessage message, Path folder)
        throws RemoteException, IOException {
        Path file = Files.createTempFile(folder, "collected-", ".eml");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            source.retrieve(message, out);
            return file;
        } catch (RemoteException | IOException | RuntimeException | Error e) {
            deleteQuietly(file);
            throw e;
        }
    }

    RemoteMessage message() {
        return message;
    }

    /**
     * Waits for the download and returns the file, which the caller then owns and deletes; the
     * download's failure, if it failed, is thrown as it was raised.
     */
    Path file() throws RemoteException, IOException {
        try {
            return file.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard();
            throw new IllegalStateException("interrupted while downloading " + message.key(), e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause)
        throws RemoteException, IOException {
        if (cause instanceof RemoteException) {
            throw (RemoteException) cause;
        }
        if (cause instanceof IOException) {
            throw (IOException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        return new IllegalStateException(cause);
    }

    /**
     * Gives the download up: waits for it to end, so the session is free again, and deletes
     * what it wrote. When the waiting thread is interrupted, the download deletes its own file.
     */
    void discard() {
        abandoned.set(true);
        try {
            deleteQuietly(file.get());
        } catch (ExecutionException e) {
            LOGGER.debug("Download of {} given up after it failed: {}", message.key(),
                e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.warn("Cannot delete temporary file {}: {}", file, e.toString());
        }
    }
}
