package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of the large allocations in this JVM over one span: every object made
 * outside a thread-local allocation buffer or as the first of a new one (so every object
 * bigger than a buffer), with the stack that allocated it. A whole copy of a message is one
 * such array (or the last of a growing buffer's arrays).
 */
final class AllocationProfile implements AutoCloseable {
    private static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    private static final String IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    private static final String OLD_OBJECT = "jdk.OldObjectSample";
    private static final int CHAIN_LENGTH = 12;
    private static final String OURS = "org.jamescollectors.";
    private static final String HARNESS = "org.jamescollectors.bench.";
    private static final String JAMES = "org.apache.james.";

    private final Recording recording;
    private final Path file;

    private AllocationProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static AllocationProfile start(Path file) {
        Recording recording = new Recording();
        recording.enable(OUTSIDE_TLAB).withStackTrace();
        // A thread whose buffer is nearly full takes a new one sized for the object instead.
        recording.enable(IN_NEW_TLAB).withStackTrace();
        // A sample of the objects allocated meanwhile, big ones first; those still alive when
        // the recording stops come with the chain of references that keeps them.
        recording.enable(OLD_OBJECT).with("cutoff", "infinity").withStackTrace();
        recording.setToDisk(true);
        recording.start();
        return new AllocationProfile(recording, file);
    }

    /**
     * Stops the recording; returns the allocations of at least {@code minimum} bytes, and the
     * sampled arrays of that size still alive (collect the garbage first).
     */
    Found stop(long minimum) throws IOException {
        recording.stop();
        recording.dump(file);
        List<Allocation> allocations = new ArrayList<>();
        List<Survivor> survivors = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String name = event.getEventType().getName();
            if ((OUTSIDE_TLAB.equals(name) || IN_NEW_TLAB.equals(name))
                && event.getLong("allocationSize") >= minimum) {
                allocations.add(Allocation.of(event));
            }
            if (OLD_OBJECT.equals(name) && event.getLong("arrayElements") >= minimum) {
                survivors.add(Survivor.of(event));
            }
        }
        allocations.sort(Comparator.comparingLong(Allocation::bytes).reversed());
        return new Found(allocations, survivors);
    }

    @Override
    public void close() throws IOException {
        recording.close();
        Files.deleteIfExists(file);
    }

    /** Who made the first owned frame of a stack: our plugin, James, or neither. */
    static Optional<String> firstOwned(List<String> frames) {
        return frames.stream().filter(frame -> isOurs(frame) || frame.startsWith(JAMES))
            .findFirst();
    }

    private static List<String> frames(RecordedEvent event) {
        List<String> frames = new ArrayList<>();
        if (event.getStackTrace() != null) {
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "."
                    + frame.getMethod().getName() + ":" + frame.getLineNumber());
            }
        }
        return frames;
    }

    private static String siteOf(List<String> frames) {
        return firstOwned(frames).orElse(frames.isEmpty() ? "?" : frames.get(0));
    }

    static boolean isOurs(String frame) {
        return frame.startsWith(OURS) && !frame.startsWith(HARNESS);
    }

    /** What a recording found. */
    static final class Found {
        private final List<Allocation> allocations;
        private final List<Survivor> survivors;

        private Found(List<Allocation> allocations, List<Survivor> survivors) {
            this.allocations = List.copyOf(allocations);
            this.survivors = List.copyOf(survivors);
        }

        List<Allocation> allocations() {
            return allocations;
        }

        List<Survivor> survivors() {
            return survivors;
        }
    }

    /** A sampled array still alive, and what holds it: referrers, nearest first, then root. */
    static final class Survivor {
        private final long elements;
        private final String type;
        private final String site;
        private final List<String> holders;

        private Survivor(long elements, String type, String site, List<String> holders) {
            this.elements = elements;
            this.type = type;
            this.site = site;
            this.holders = List.copyOf(holders);
        }

        static Survivor of(long elements, String type, String site, List<String> holders) {
            return new Survivor(elements, type, site, holders);
        }

        private static Survivor of(RecordedEvent event) {
            RecordedObject object = event.getValue("object");
            String type = object.getClass("type").getName();
            List<String> holders = new ArrayList<>();
            RecordedObject referrer = object.getValue("referrer");
            while (referrer != null && holders.size() < CHAIN_LENGTH) {
                RecordedObject holder = referrer.getValue("object");
                if (holder == null) {
                    break;
                }
                holders.add(holder.getClass("type").getName() + field(referrer));
                referrer = holder.getValue("referrer");
            }
            RecordedObject root = event.getValue("root");
            if (root != null && holders.size() < CHAIN_LENGTH) {
                holders.add("(" + root.getString("system") + ", " + root.getString("type") + ")");
            }
            return new Survivor(event.getLong("arrayElements"), type, siteOf(frames(event)),
                holders);
        }

        private static String field(RecordedObject referrer) {
            RecordedObject field = referrer.getValue("field");
            return field == null ? "" : "." + field.getString("name");
        }

        long elements() {
            return elements;
        }

        /** Where it was allocated, as {@link Allocation#site()}. */
        String site() {
            return site;
        }

        /**
         * No chain of strong references from a root: the recording follows no soft or weak
         * reference, so it is alive through one of those, and goes when memory runs short.
         */
        boolean softlyHeld() {
            return holders.isEmpty();
        }

        String type() {
            return type;
        }

        List<String> holders() {
            return holders;
        }

        /** Its nearest holder that is ours or James' is ours (further ones hold everything). */
        boolean heldByUs() {
            return firstOwned(holders).filter(AllocationProfile::isOurs).isPresent();
        }
    }

    /** One allocation: its size and type, where it was made and from which of our frames. */
    static final class Allocation {
        private final long bytes;
        private final String type;
        private final String site;
        private final Optional<String> ourCaller;

        private Allocation(long bytes, String type, String site, Optional<String> ourCaller) {
            this.bytes = bytes;
            this.type = type;
            this.site = site;
            this.ourCaller = ourCaller;
        }

        static Allocation of(long bytes, String type, String site, Optional<String> ourCaller) {
            return new Allocation(bytes, type, site, ourCaller);
        }

        private static Allocation of(RecordedEvent event) {
            List<String> frames = frames(event);
            return new Allocation(event.getLong("allocationSize"),
                event.getClass("objectClass").getName(), siteOf(frames),
                frames.stream().filter(AllocationProfile::isOurs).findFirst());
        }

        long bytes() {
            return bytes;
        }

        String type() {
            return type;
        }

        /** The first frame of our plugin's or James' code from the top of the stack. */
        String site() {
            return site;
        }

        /** The first frame of our plugin's on the stack, if any: who called into James. */
        Optional<String> ourCaller() {
            return ourCaller;
        }

        /** Made by our own code rather than by James' code we called. */
        boolean madeByUs() {
            return isOurs(site);
        }
    }
}
