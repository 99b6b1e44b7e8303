package org.jamescollectors.bench;

import java.util.List;

/** BENCHMARKS.md: the table, the ratios, the chart, how it was measured and on what. */
final class Markdown {
    private Markdown() {
    }

    static String render(Report report, String described, String command, String chart,
                         List<String> sections, String machine, String date) {
        return "# Benchmarks\n\n"
            + "Produced by `" + command + "` on " + date + ", in one run on one machine (below):\n"
            + "the race against fetchmail and getmail"
            + (sections.isEmpty() ? "" : ", then memory and scale (their sections follow it)")
            + ".\n"
            + "In the race, every contender moves the same message set from its own fresh account"
            + " on a local\n"
            + "Dovecot (implicit TLS, 127.0.0.1) into a fresh user of one James memory server\n"
            + "with the plugin (`./run`'s heap and collector, full JIT), one at a time.\n\n"
            + "Message set: " + described + ".\n\n"
            + "## Results\n\n"
            + report.markdownTable() + "\n"
            + "## Our collector against the peers and the limits\n\n"
            + report.ratioLines().stream().map(line -> "- " + line + "\n")
                .reduce("", String::concat)
            + "\nWhere our collector's time goes, and what made it fast enough:\n"
            + "[`docs/benchmarks-profile.md`](docs/benchmarks-profile.md).\n"
            + "\n![messages per second](" + chart + ")\n\n"
            + "## How it is measured\n\n"
            + "- *Wall s*: from the contender's start until the last message is in the James\n"
            + "  mailbox (mail accepted over SMTP is stored after the peer has left); msg/s and\n"
            + "  MB/s divide the whole set by it.\n"
            + "- *CPU s (peer)* and *Peak RSS peer*: the peer's own user plus system CPU and\n"
            + "  maximum resident set, from `/usr/bin/time`. *CPU s (James)* and *Peak RSS\n"
            + "  James*: the James JVM over the same span, from `/proc/self/stat` and VmHWM\n"
            + "  (reset before each contender). Our collector runs inside James, so its own\n"
            + "  figures are James'. James is the memory flavour: its RSS includes the stored\n"
            + "  mail. Dovecot's CPU is left out (the same work for every contender).\n"
            + "- *Every message once?*: the target folder is read back through James' mailbox\n"
            + "  API; each message is recognised by an `X-Bench-Id` header and its body hash\n"
            + "  (carriage returns and trailing line ends left out). The download-only client\n"
            + "  keeps nothing, so for it the check is its exit status and an empty remote.\n"
            + "- Limits: *download only* is fetchmail writing batch SMTP to `/dev/null`;\n"
            + "  *James storing, no network* appends the same files through James' mailbox API\n"
            + "  in one thread. The lower of the two, per protocol, is the limit the target\n"
            + "  (70%) refers to.\n"
            + "- Our collector: *pipeline* delivers through James' mailet container into INBOX;\n"
            + "  *into a folder* sets the collector's target folder `" + Contenders.TARGET_FOLDER
            + "`.\n\n"
            + sections.stream().map(section -> section.strip() + "\n\n")
                .reduce("", String::concat)
            + "## Machine\n\n```\n" + machine + "```\n";
    }
}
