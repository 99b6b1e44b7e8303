package org.jamescollectors.distribution;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the classes of a jar that the Java 11 runtime of the official James 3.8.1 images cannot
 * load. {@code module-info.class} files and multi-release entries for Java 12 and later are
 * skipped: a Java 11 runtime never loads them.
 */
final class Java11Compatibility {
    static final int JAVA_11_MAJOR_VERSION = 55;

    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;
    private static final int JAVA_1_MAJOR_VERSION_OFFSET = 44;
    private static final Pattern VERSIONED_ENTRY = Pattern.compile("META-INF/versions/(\\d+)/.+");

    private Java11Compatibility() {
    }

    /** Returns one line per class of {@code jar} newer than Java 11, empty when all load. */
    static List<String> classesNewerThanJava11(Path jar) throws IOException {
        List<String> tooNew = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (isLoadableOnJava11(entry.getName())) {
                    int major = majorVersion(zip, entry);
                    if (major > JAVA_11_MAJOR_VERSION) {
                        tooNew.add(describe(jar, entry, major));
                    }
                }
            }
        }
        return tooNew;
    }

    static boolean isLoadableOnJava11(String entryName) {
        if (!entryName.endsWith(".class") || entryName.endsWith("module-info.class")) {
            return false;
        }
        Matcher versioned = VERSIONED_ENTRY.matcher(entryName);
        return !versioned.matches() || Integer.parseInt(versioned.group(1)) <= 11;
    }

    private static int majorVersion(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            DataInputStream header = new DataInputStream(in);
            if (header.readInt() != CLASS_FILE_MAGIC) {
                throw new IOException(zip.getName() + "!/" + entry.getName()
                    + " is not a class file: its first bytes are not CAFEBABE");
            }
            header.readUnsignedShort();
            return header.readUnsignedShort();
        }
    }

    private static String describe(Path jar, ZipEntry entry, int major) {
        return String.format("%s!/%s has class-file version %d (Java %d), Java 11 loads up to %d",
            jar.getFileName(), entry.getName(), major, major - JAVA_1_MAJOR_VERSION_OFFSET,
            JAVA_11_MAJOR_VERSION);
    }
}
