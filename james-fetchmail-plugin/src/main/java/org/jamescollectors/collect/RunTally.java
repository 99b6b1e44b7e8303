package org.jamescollectors.collect;

import java.util.Optional;

/** Counts what one run did, message by message. Confined to the run's thread. */
final class RunTally {
    private int messages;
    private long bytes;
    private int skipped;
    private int failed;
    private Optional<RunFailure> lastMessageFailure = Optional.empty();

    void collected(long size) {
        messages++;
        bytes += size;
    }

    /** A message left on the server because it is larger than the operator allows. */
    void leftTooLarge(RunFailure failure) {
        skipped++;
        lastMessageFailure = Optional.of(failure);
    }

    void failed(RunFailure failure) {
        failed++;
        lastMessageFailure = Optional.of(failure);
    }

    int messages() {
        return messages;
    }

    long bytes() {
        return bytes;
    }

    /** Messages left on the server on purpose (too large) or after failing to deliver. */
    int skipped() {
        return skipped + failed;
    }

    int failed() {
        return failed;
    }

    Optional<RunFailure> lastMessageFailure() {
        return lastMessageFailure;
    }
}
