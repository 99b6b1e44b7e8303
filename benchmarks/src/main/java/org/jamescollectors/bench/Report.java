package org.jamescollectors.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The results as a plain-text table, as markdown, and our ratios to every peer and limit. */
final class Report {
    static final String OURS = "collector, pipeline";
    static final String STORING = "James storing, no network";
    static final double TARGET = 0.70;
    private static final double KIB_PER_MIB = 1024.0;
    private static final String[] HEADINGS = {"Protocol", "Contender", "msg/s", "MB/s",
        "Wall s", "CPU s (peer)", "CPU s (James)", "Peak RSS peer MiB", "Peak RSS James MiB",
        "Every message once?"};

    private final List<Result> results;

    private Report(List<Result> results) {
        this.results = List.copyOf(results);
    }

    static Report of(List<Result> results) {
        return new Report(results);
    }

    List<Result> results() {
        return results;
    }

    String text() {
        List<String[]> rows = rows();
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            text.append('\n');
        }
        return text.append('\n').append(String.join("\n", ratioLines())).append('\n')
            .toString();
    }

    String markdownTable() {
        StringBuilder table = new StringBuilder();
        List<String[]> rows = rows();
        for (int r = 0; r < rows.size(); r++) {
            table.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                table.append("|").append("---|".repeat(HEADINGS.length)).append('\n');
            }
        }
        return table.toString();
    }

    /** Our collector's speed over each peer's and over the lower limit, per protocol. */
    List<String> ratioLines() {
        List<String> lines = new ArrayList<>();
        for (String protocol : List.of("POP3", "IMAP")) {
            Optional<Result> ours = find(OURS, protocol);
            if (ours.isEmpty()) {
                continue;
            }
            for (Result peer : results) {
                if (peer.protocol().equals(protocol) && !peer.contender().startsWith("collector")
                    && !peer.contender().startsWith("download")) {
                    lines.add(ratioLine(ours.get(), peer));
                }
            }
            lowerLimit(protocol).ifPresent(limit -> lines.add(targetLine(ours.get(), limit)));
        }
        return lines;
    }

    private String ratioLine(Result ours, Result peer) {
        String lost = peer.verdict().isComplete() ? "" : " (the peer lost or damaged mail)";
        return String.format(Locale.ROOT, "%s: our collector is %.1f× %s%s", ours.protocol(),
            ours.messagesPerSecond() / peer.messagesPerSecond(), peer.contender(), lost);
    }

    private String targetLine(Result ours, Result limit) {
        double ratio = ours.messagesPerSecond() / limit.messagesPerSecond();
        return String.format(Locale.ROOT, "%s: our collector reaches %.0f%% of the lower limit "
                + "(%s, %.1f msg/s): target %.0f%% %s", ours.protocol(), ratio * 100,
            limit.contender(), limit.messagesPerSecond(), TARGET * 100,
            ratio >= TARGET ? "met" : String.format(Locale.ROOT, "MISSED by %.0f points",
                (TARGET - ratio) * 100));
    }

    /** The slower of the download alone and James storing alone. */
    Optional<Result> lowerLimit(String protocol) {
        Optional<Result> download = results.stream()
            .filter(result -> result.protocol().equals(protocol))
            .filter(result -> result.contender().startsWith("download")).findFirst();
        Optional<Result> storing = find(STORING, "-");
        if (download.isEmpty() || storing.isEmpty()) {
            return download.or(() -> storing);
        }
        return Optional.of(download.get().messagesPerSecond()
            <= storing.get().messagesPerSecond() ? download.get() : storing.get());
    }

    Optional<Result> find(String contender, String protocol) {
        return results.stream().filter(result -> result.contender().equals(contender)
            && result.protocol().equals(protocol)).findFirst();
    }

    private List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Result result : results) {
            boolean james = result.cpuSeconds() < 0;
            rows.add(new String[] {result.protocol(), result.contender(),
                number(result.messagesPerSecond()), number(result.megabytesPerSecond()),
                number(result.seconds()),
                james ? "(James)" : number(result.cpuSeconds()),
                number(result.jamesCpuSeconds()),
                james ? "(James)" : mib(result.peakRssKib()), mib(result.jamesPeakRssKib()),
                (result.verdict().isComplete() ? "yes: " : "NO: ") + result.verdict().text()});
        }
        return rows;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f", kib / KIB_PER_MIB);
    }
}
