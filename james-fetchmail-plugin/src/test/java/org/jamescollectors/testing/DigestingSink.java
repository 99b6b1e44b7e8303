package org.jamescollectors.testing;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Digests what it is given without keeping it, and notes the most heap in use at any write: a
 * way to check that a large message streams through in bounded memory.
 */
public final class DigestingSink extends OutputStream {
    private final MessageDigest digest;
    private final Runtime runtime = Runtime.getRuntime();
    private long count;
    private long peakHeap;

    public DigestingSink() throws NoSuchAlgorithmException {
        this.digest = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        count += length;
        peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
    }

    public long count() {
        return count;
    }

    public byte[] digest() {
        return digest.digest();
    }

    public long peakHeap() {
        return peakHeap;
    }
}
