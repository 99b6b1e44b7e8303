package org.jamescollectors.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jamescollectors.bench.AllocationProfile.Allocation;
import org.jamescollectors.bench.AllocationProfile.Survivor;

/** The memory benchmark's markdown section: the table, the target's verdict, the method. */
final class LargeMessageReport {
    static final String HEADING = "## Memory: one 50 MiB message in a 512 MiB heap";
    /** An array at least this share of the message is counted as a whole copy of it. */
    private static final double WHOLE_SHARE = 0.9;
    private static final double MIB = 1 << 20;

    private final Findings findings;
    private final long messageBytes;
    private final List<LargeMessageRun> runs;

    private LargeMessageReport(Findings findings, long messageBytes) {
        this.findings = findings;
        this.messageBytes = messageBytes;
        this.runs = List.of(findings.run("POP3"), findings.run("IMAP"));
    }

    static String render(Findings findings, long messageBytes) {
        return new LargeMessageReport(findings, messageBytes).text();
    }

    private String text() {
        List<String> missed = missed();
        return HEADING + "\n\n"
            + "Target: the message is collected within the 512 MiB heap, byte for byte, and our\n"
            + "code never holds a whole copy of it. "
            + (missed.isEmpty() ? "**Met** over both protocols:\n" + summary() + "\n\n"
                : "**MISSED**:\n\n" + bullets(missed) + "\n")
            + table() + "\n"
            + "Whole copies (arrays of at least " + percent(WHOLE_SHARE) + " of the message) "
            + "allocated during each collection, and by whom:\n\n" + bullets(copies()) + "\n"
            + "### Where the arrays of 1 MiB or more were made\n\n" + allocationTable() + "\n"
            + "### What holds the large arrays still alive after the collection\n\n"
            + "Arrays of 1 MiB or more, as the flight recording sampled them (big ones first), "
            + "alive after\nthe full GC that follows the collection, each with the references "
            + "that keep it, nearest first:\n\n" + bullets(survivors()) + "\n"
            + method();
    }

    private String summary() {
        long peak = runs.stream().mapToLong(run -> run.number("highestInUse")).max().orElse(-1);
        long ours = runs.stream().flatMap(run -> run.allocations().stream())
            .filter(Allocation::madeByUs).count();
        return "at most " + mib(peak) + " of the heap in use at once; the "
            + "whole copies are James'\n(its memory mailbox keeps the message in the heap); our "
            + "code allocated " + (ours == 0 ? "no recorded array of 1 MiB or more"
            : ours + " arrays of 1 MiB or more, none of them a whole copy") + ".";
    }

    private List<String> missed() {
        List<String> missed = new ArrayList<>();
        if (!findings.ending().isEmpty()) {
            missed.add("the James JVM " + findings.ending() + "; its last lines:\n\n```\n"
                + findings.tail() + "\n```");
        }
        long maxHeap = findings.number("maxHeap");
        if (maxHeap <= 0 || maxHeap > LargeMessageBench.HEAP_LIMIT) {
            missed.add("the James JVM's heap was not capped at 512 MiB (" + mib(maxHeap) + ")");
        }
        for (LargeMessageRun run : runs) {
            missed.addAll(missed(run));
        }
        return missed;
    }

    private List<String> missed(LargeMessageRun run) {
        List<String> missed = new ArrayList<>();
        String name = run.protocol();
        if (!"SUCCESS".equals(run.text("outcome").orElse(""))) {
            missed.add(name + ": the collection did not succeed: "
                + run.text("outcome").orElse("not measured") + " "
                + run.text("error").orElse(""));
        } else if (!run.flag("intact")) {
            missed.add(name + ": the stored copy is not the message byte for byte: "
                + run.text("differences").orElse("not checked"));
        }
        for (Survivor survivor : run.survivors()) {
            if (survivor.heldByUs()) {
                missed.add(name + ": our code still holds " + size(survivor) + " "
                    + typeName(survivor.type()) + " after the collection: "
                    + String.join(" <- ", survivor.holders()));
            }
        }
        Map<String, List<Allocation>> ours = wholeCopies(run).stream()
            .filter(Allocation::madeByUs)
            .collect(Collectors.groupingBy(Allocation::site, LinkedHashMap::new,
                Collectors.toList()));
        ours.forEach((site, copies) -> missed.add(name + ": our code allocated "
            + copies.size() + " whole " + (copies.size() == 1 ? "copy" : "copies") + " (the "
            + "largest " + mib(copies.get(0).bytes()) + " " + typeName(copies.get(0).type())
            + ") in `" + site + "`"));
        return missed;
    }

    private List<Allocation> wholeCopies(LargeMessageRun run) {
        return run.allocations().stream()
            .filter(allocation -> allocation.bytes() >= WHOLE_SHARE * messageBytes)
            .collect(Collectors.toList());
    }

    private String table() {
        Map<String, Function<LargeMessageRun, String>> rows = new LinkedHashMap<>();
        rows.put("Collection run", this::outcome);
        rows.put("Arrived byte for byte", this::arrival);
        rows.put("Left on the remote server", run -> findings.left(run.protocol()));
        rows.put("Peak heap: the heap pools' peaks, summed", run -> mib(run.number("poolPeaks")));
        rows.put("Peak heap: most in use at once (garbage included)",
            run -> mib(run.number("highestInUse")) + times(run.number("highestInUse")));
        rows.put("Peak RSS (VmHWM)", run -> run.number("peakRssKib") < 0 ? "-"
            : mib(run.number("peakRssKib") * 1024) + " (" + mib(run.number("rssStartKib") * 1024)
            + " at the start)");
        rows.put("Live heap before (after a full GC)", run -> mib(run.number("heapBefore")));
        rows.put("Live heap after (after a full GC)", run -> mib(run.number("heapAfter")));
        rows.put("Kept after the collection: after − before",
            run -> mib(kept(run)) + times(kept(run)));
        rows.put("… of it, the memory mailbox's copy (sampled arrays)",
            run -> kept(run) < 0 ? "-" : mib(mailboxBytes(run)));
        rows.put("… of it, held only softly (sampled arrays)",
            run -> kept(run) < 0 ? "-" : mib(softlyHeldBytes(run)));
        rows.put("Transient at the peak: most in use − before − kept",
            run -> mib(transientBytes(run)) + times(transientBytes(run)));
        rows.put("Garbage collections during the collection", run -> run.text("collections")
            .orElse("-"));
        rows.put("Whole copies allocated: by James / by our code", this::copyCounts);
        rows.put("Arrays ≥ 1 MiB allocated by our code", this::ours);
        rows.put("Sampled arrays ≥ 1 MiB alive after: held by James / by our code",
            this::survivorCounts);
        StringBuilder table = new StringBuilder("| | POP3 | IMAP |\n|---|---|---|\n");
        rows.forEach((label, cell) -> table.append("| ").append(label).append(" | ")
            .append(cell.apply(runs.get(0))).append(" | ").append(cell.apply(runs.get(1)))
            .append(" |\n"));
        return table.toString();
    }

    private String outcome(LargeMessageRun run) {
        if (run.text("outcome").isEmpty()) {
            return "not measured";
        }
        return run.text("outcome").get() + ", " + run.number("messages") + " message, "
            + String.format(Locale.ROOT, "%.1f MB in %.1f s", run.number("bytes") / 1e6,
            Double.parseDouble(run.text("seconds").orElse("0")));
    }

    private String arrival(LargeMessageRun run) {
        if (run.text("intact").isEmpty()) {
            return "not checked";
        }
        if (!run.flag("intact")) {
            return "**no**: " + run.text("differences").orElse("");
        }
        return "yes: its " + messageBytes + " bytes after "
            + (run.number("storedBytes") - messageBytes) + " bytes of added header lines";
    }

    /** -1 when not measured. */
    private long kept(LargeMessageRun run) {
        if (run.number("heapAfter") < 0 || run.number("heapBefore") < 0) {
            return -1;
        }
        return run.number("heapAfter") - run.number("heapBefore");
    }

    /** -1 when not measured. */
    private long transientBytes(LargeMessageRun run) {
        if (kept(run) < 0 || run.number("highestInUse") < 0) {
            return -1;
        }
        return run.number("highestInUse") - run.number("heapBefore") - kept(run);
    }

    private String copyCounts(LargeMessageRun run) {
        List<Allocation> copies = wholeCopies(run);
        long ours = copies.stream().filter(Allocation::madeByUs).count();
        return (copies.size() - ours) + " / " + ours;
    }

    private String ours(LargeMessageRun run) {
        List<Allocation> ours = run.allocations().stream().filter(Allocation::madeByUs)
            .collect(Collectors.toList());
        if (ours.isEmpty()) {
            return "none";
        }
        return ours.size() + ", " + mib(ours.stream().mapToLong(Allocation::bytes).sum())
            + " in all, the largest " + mib(ours.get(0).bytes());
    }

    private String survivorCounts(LargeMessageRun run) {
        List<Survivor> survivors = run.survivors();
        long ours = survivors.stream().filter(Survivor::heldByUs).count();
        return (survivors.size() - ours) + " / " + ours;
    }

    /** The sampled survivors, those made in one place and held the same way as one line. */
    private List<String> survivors() {
        List<String> lines = new ArrayList<>();
        for (LargeMessageRun run : runs) {
            Map<String, List<Survivor>> groups = run.survivors().stream().collect(
                Collectors.groupingBy(survivor -> survivor.site() + "|" + holders(survivor)
                    + "|" + typeName(survivor.type()), LinkedHashMap::new, Collectors.toList()));
            groups.values().forEach(group -> lines.add(run.protocol() + ": " + survivors(group)));
            if (groups.isEmpty()) {
                lines.add(run.protocol() + ": none sampled");
            }
        }
        return lines;
    }

    private static String survivors(List<Survivor> group) {
        Survivor first = group.get(0);
        String sizes = group.size() == 1 ? size(first) : group.size() + " arrays, "
            + ("byte[]".equals(typeName(first.type()))
            ? mib(group.stream().mapToLong(Survivor::elements).sum()) + " in all, of"
            : "of");
        return sizes + " " + typeName(first.type()) + " made in `" + shortFrame(first.site())
            + "`" + (first.heldByUs() ? " (**held by our code**)" : "") + ", " + holders(first);
    }

    /** The chain without the JDK's collections in between. */
    private static String holders(Survivor survivor) {
        if (survivor.softlyHeld()) {
            return "no strong reference: softly or weakly held, freed when memory runs short";
        }
        List<String> shown = new ArrayList<>();
        for (String holder : survivor.holders()) {
            boolean jdk = holder.startsWith("java.") || holder.startsWith("[");
            String name = jdk ? "…" : "`" + simpleName(holder) + "`";
            if (!(jdk && !shown.isEmpty() && "…".equals(shown.get(shown.size() - 1)))) {
                shown.add(name);
            }
        }
        return "held by " + String.join(" ← ", shown);
    }

    private static long mailboxBytes(LargeMessageRun run) {
        return run.survivors().stream()
            .filter(survivor -> survivor.holders().stream().anyMatch(
                holder -> holder.contains(".inmemory.")))
            .filter(survivor -> "byte[]".equals(typeName(survivor.type())))
            .mapToLong(Survivor::elements).sum();
    }

    private static long softlyHeldBytes(LargeMessageRun run) {
        return run.survivors().stream().filter(Survivor::softlyHeld)
            .filter(survivor -> "byte[]".equals(typeName(survivor.type())))
            .mapToLong(Survivor::elements).sum();
    }

    private static String size(Survivor survivor) {
        return "byte[]".equals(typeName(survivor.type())) ? mib(survivor.elements())
            : survivor.elements() + " elements of";
    }

    private static String simpleName(String holder) {
        return holder.startsWith("(") ? holder : holder.replaceAll("^([a-z0-9_]+\\.)+", "");
    }

    private List<String> copies() {
        List<String> lines = new ArrayList<>();
        for (LargeMessageRun run : runs) {
            List<Allocation> copies = wholeCopies(run);
            lines.add(run.protocol() + ": " + (copies.isEmpty() ? "none"
                : copies.stream().map(copy -> mib(copy.bytes()) + " " + typeName(copy.type())
                    + " in `"
                    + shortFrame(copy.site()) + "` (" + whose(copy) + caller(copy) + ")")
                .collect(Collectors.joining("; "))));
        }
        return lines;
    }

    private String allocationTable() {
        Map<String, List<Allocation>> groups = new LinkedHashMap<>();
        for (LargeMessageRun run : runs) {
            for (Allocation allocation : run.allocations()) {
                groups.computeIfAbsent(run.protocol() + "|" + whose(allocation) + "|"
                        + shortFrame(allocation.site()) + "|" + typeName(allocation.type()) + "|"
                        + allocation.ourCaller().map(LargeMessageReport::shortFrame).orElse("-"),
                    key -> new ArrayList<>()).add(allocation);
            }
        }
        if (groups.isEmpty()) {
            return "None recorded.\n";
        }
        StringBuilder table = new StringBuilder("| Protocol | Whose | Made in | Type "
            + "| Our frame below it | Arrays | Largest | Total |\n"
            + "|---|---|---|---|---|---|---|---|\n");
        groups.forEach((key, allocations) -> {
            String[] parts = key.split("\\|");
            table.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | `")
                .append(parts[2]).append("` | ").append(parts[3]).append(" | `").append(parts[4])
                .append("` | ").append(allocations.size()).append(" | ")
                .append(mib(allocations.get(0).bytes())).append(" | ")
                .append(mib(allocations.stream().mapToLong(Allocation::bytes).sum()))
                .append(" |\n");
        });
        return table.toString();
    }

    private String method() {
        return "### How it is measured\n\n"
            + "- The message (" + messageBytes + " bytes of CRLF text) sits alone in a fresh "
            + "account of a\n  private Dovecot on 127.0.0.1. A James memory server with the "
            + "plugin, booted as `./bench`\n  boots it but in a JVM of its own (`" + jvmOptions()
            + "`),\n  collects a small message per protocol to warm up, then the large one into "
            + "a fresh user's\n  Inbox once per protocol (implicit TLS), deleting it from the "
            + "mailbox in between.\n"
            + "- Over each collection (the run, then 2 s for James' mailbox listeners) that JVM "
            + "measures\n  itself: the heap pools' peak usage (reset before; the sum is an upper "
            + "bound, pools peak\n  at different moments), the heap in use just before each "
            + "garbage collection (the most\n  it held at once), VmHWM from /proc (reset before "
            + "with `clear_refs`), and the live heap\n  after two `System.gc()` before and after "
            + "(softly held objects survive those).\n"
            + "- A flight recording (JFR) of the collection lists, with its stack, every "
            + "allocation made\n  outside a thread's allocation buffer or as the first object "
            + "of a new one: every array\n  bigger than such a buffer (a few MiB at most, so "
            + "every whole copy), of which those of\n  1 MiB or more are shown. *Made in* is "
            + "the first frame of James' or our code from the\n  top, *our frame below it* the "
            + "first of ours further down\n  (James' mailbox works on its own threads, so it is "
            + "often none). Its old-object sample\n  gives, for the large arrays still alive "
            + "after, the references that hold them; an array\n  with no strong path is held "
            + "through a soft reference (mime4j keeps a per-thread buffer so,\n  for James' "
            + "parse of the stored message). A copy made of small pieces would escape the\n  "
            + "recording: the *transient* row bounds what any such copy could be at the peak.\n"
            + "- *Byte for byte*: the stored message, read back as a stream, is header lines added "
            + "on the\n  way (our `Received`, James' `Delivered-To`) followed by exactly the "
            + "file's bytes.\n"
            + "- A *whole copy* is one array of at least " + percent(WHOLE_SHARE) + " of the "
            + "message. The target is missed when a\n  collection fails, alters the message, or "
            + "our code allocates a whole copy or holds a\n  large array after. The recording "
            + "costs native memory (in the RSS), no heap. Tried once\n  on a plugin built to "
            + "read the downloaded file whole: the section said MISSED and named\n  the line.\n";
    }

    /** The James JVM's options, but those naming this machine's files. */
    private String jvmOptions() {
        return List.of(findings.text("jvm").orElse("?").split(" ")).stream()
            .filter(option -> !option.startsWith("-Dlogback."))
            .collect(Collectors.joining(" "));
    }

    private String times(long bytes) {
        if (bytes < 0) {
            return "";
        }
        return String.format(Locale.ROOT, " (%.2f × the message)", bytes / (double) messageBytes);
    }

    /** {@code [B} as {@code byte[]}, as the flight recording names arrays elsewhere. */
    private static String typeName(String type) {
        Map<String, String> primitives = Map.of("[B", "byte[]", "[C", "char[]", "[I", "int[]",
            "[J", "long[]");
        if (primitives.containsKey(type)) {
            return primitives.get(type);
        }
        return type.startsWith("[L") ? simpleName(type.substring(2, type.length() - 1)) + "[]"
            : simpleName(type);
    }

    private static String whose(Allocation allocation) {
        if (allocation.madeByUs()) {
            return "ours";
        }
        return allocation.site().startsWith("org.apache.james.") ? "James" : "other";
    }

    private static String caller(Allocation allocation) {
        return allocation.madeByUs() ? "" : allocation.ourCaller()
            .map(frame -> ", called from our `" + shortFrame(frame) + "`").orElse("");
    }

    /** The class' simple name, method and line: enough to find the place. */
    private static String shortFrame(String frame) {
        int method = frame.lastIndexOf('.', frame.indexOf(':') < 0 ? frame.length()
            : frame.indexOf(':'));
        int type = method <= 0 ? -1 : frame.lastIndexOf('.', method - 1);
        return frame.substring(type + 1).replace("|", "/");
    }

    private static String bullets(List<String> lines) {
        return lines.stream().map(line -> "- " + line + "\n").collect(Collectors.joining());
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    /** What the James JVM wrote, what the remote server kept, and how that JVM ended. */
    static final class Findings {
        private final Properties values;
        private final Map<String, Integer> left;
        private final String ending;
        private final String tail;

        private Findings(Properties values, Map<String, Integer> left, String ending,
                         String tail) {
            this.values = values;
            this.left = Map.copyOf(left);
            this.ending = ending;
            this.tail = tail;
        }

        static Findings of(Properties values, Map<String, Integer> left, String ending,
                           String tail) {
            return new Findings(values, left, ending, tail);
        }

        LargeMessageRun run(String protocol) {
            return LargeMessageRun.from(values, protocol);
        }

        Optional<String> text(String key) {
            return Optional.ofNullable(values.getProperty(key));
        }

        long number(String key) {
            return text(key).map(Long::parseLong).orElse(-1L);
        }

        String left(String protocol) {
            return left.containsKey(protocol) ? left.get(protocol) + " message(s)" : "-";
        }

        /** Empty when the James JVM exited normally. */
        String ending() {
            return ending;
        }

        String tail() {
            return tail;
        }
    }
}
