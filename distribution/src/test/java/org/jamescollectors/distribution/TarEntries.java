package org.jamescollectors.distribution;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the names of the regular files in a gzip-compressed tar archive (ustar or GNU). */
final class TarEntries {
    private static final int BLOCK = 512;
    private static final char GNU_LONG_NAME = 'L';
    private static final char REGULAR_FILE = '0';
    private static final char OLD_REGULAR_FILE = '\0';

    private TarEntries() {
    }

    static List<String> fileNames(Path archive) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            return fileNames(new DataInputStream(in));
        }
    }

    private static List<String> fileNames(DataInputStream tar) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readBlock(tar, header) && header[0] != 0) {
            char type = (char) header[156];
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            if (type == GNU_LONG_NAME) {
                longName = new String(readContent(tar, size), StandardCharsets.UTF_8)
                    .replace("\0", "");
                continue;
            }
            skipContent(tar, size);
            if (type == REGULAR_FILE || type == OLD_REGULAR_FILE) {
                names.add(longName != null ? longName : name(header));
            }
            longName = null;
        }
        return names;
    }

    private static String name(byte[] header) {
        String prefix = field(header, 345, 155);
        String name = field(header, 0, 100);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean readBlock(DataInputStream tar, byte[] block) throws IOException {
        try {
            tar.readFully(block);
            return true;
        } catch (EOFException e) {
            return false;
        }
    }

    private static void skipContent(DataInputStream tar, long size) throws IOException {
        long remaining = size + padding(size);
        while (remaining > 0) {
            int skipped = tar.skipBytes((int) Math.min(remaining, Integer.MAX_VALUE));
            if (skipped <= 0) {
                throw new EOFException("tar archive ends inside an entry");
            }
            remaining -= skipped;
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static byte[] readContent(DataInputStream tar, long size) throws IOException {
        byte[] content = new byte[Math.toIntExact(size)];
        tar.readFully(content);
        tar.readFully(new byte[(int) padding(size)]);
        return content;
    }
}
