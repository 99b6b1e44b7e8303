package org.jamescollectors.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamescollectors.bench.MessageSet.Expected;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.RemoteAccount;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each contender moving the whole set from a fresh remote account into a fresh James user, with
 * its time, CPU and peak memory; then the check of what the mailbox holds.
 */
final class Contenders {
    static final Path FETCHMAIL = Path.of("/usr/bin/fetchmail");
    static final Path GETMAIL = Path.of("/usr/bin/getmail");
    static final String TARGET_FOLDER = "Collected";
    private static final Logger LOGGER = LoggerFactory.getLogger(Contenders.class);
    private static final String PASSWORD = "bench-secret";
    private static final String INBOX = "INBOX";
    private static final long QUIET_NANOS = 5_000_000_000L;

    /** Where a fetchmail delivers. */
    enum Target {
        SMTP, LMTP, NOWHERE
    }

    private final DovecotServer dovecot;
    private final BenchJames james;
    private final MessageSet set;
    private final Path scratch;
    private int accounts;
    private int owners;

    Contenders(DovecotServer dovecot, BenchJames james, MessageSet set, Path scratch) {
        this.dovecot = dovecot;
        this.james = james;
        this.set = set;
        this.scratch = scratch;
    }

    Result ours(Protocol protocol, Optional<String> folder) throws Exception {
        String name = folder.isPresent() ? "collector, into a folder" : "collector, pipeline";
        String remote = fillRemote();
        String owner = newOwner();
        BenchHooks hooks = BenchHooks.current();
        if (folder.isPresent()) {
            hooks.createFolder(owner, folder.get());
        }
        Collector collector = hooks.createCollector(owner, RemoteAccount.of(protocol, "localhost",
            dovecot.port(protocol, Security.TLS), Security.TLS, remote, Optional.empty()),
            PASSWORD, folder);
        Window window = Window.open();
        Run run = hooks.runNow(collector.id());
        window.delivered(System.nanoTime());
        window.delivered(awaitDelivered(owner, folder.orElse(INBOX)));
        Result.Builder result = window.close(builder(name, protocol.name()), -1, -1);
        if (run.outcome() != Run.Outcome.SUCCESS) {
            return result.verdict(Result.Verdict.incomplete(0, "run " + run.outcome() + " "
                + run.error().map(Run.Error::message).orElse(""))).build();
        }
        return verified(result, owner, folder.orElse(INBOX));
    }

    Result fetchmail(Protocol protocol, Target target) throws Exception {
        String remote = fillRemote();
        String owner = newOwner();
        Path folder = Files.createDirectories(scratch.resolve("fetchmail-" + remote));
        Path rc = folder.resolve("fetchmailrc");
        Files.writeString(rc, fetchmailrc(protocol, target, remote, owner),
            StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        Window window = Window.open();
        External peer = External.run(List.of(FETCHMAIL.toString(), "-f", rc.toString(),
            "--pidfile", folder.resolve("pid").toString(), "--nosyslog"), folder,
            Map.of("HOME", folder.toString(), "FETCHMAILHOME", folder.toString()));
        window.delivered(System.nanoTime());
        String name = target == Target.NOWHERE ? "download only (fetchmail to /dev/null)"
            : "fetchmail into " + target;
        if (target != Target.NOWHERE) {
            window.delivered(awaitDelivered(owner, INBOX));
        }
        Result.Builder result = window.close(builder(name, protocol.name()),
            peer.cpuSeconds(), peer.peakRssKib());
        logPeer("fetchmail", peer);
        if (target == Target.NOWHERE) {
            return result.verdict(remoteEmptied(remote, peer)).build();
        }
        return verified(result, owner, INBOX, peer.exitCode());
    }

    Result getmail(Protocol protocol) throws Exception {
        String remote = fillRemote();
        String owner = newOwner();
        Path folder = Files.createDirectories(scratch.resolve("getmail-" + remote));
        Path rc = folder.resolve("getmailrc");
        Files.writeString(rc, getmailrc(protocol, remote, owner), StandardCharsets.UTF_8);
        Window window = Window.open();
        External peer = External.run(List.of(GETMAIL.toString(), "--rcfile=" + rc,
            "--getmaildir=" + folder, "--quiet"), folder, Map.of("HOME", folder.toString()));
        window.delivered(System.nanoTime());
        window.delivered(awaitDelivered(owner, INBOX));
        Result.Builder result = window.close(builder("getmail6 into LMTP",
            protocol.name()), peer.cpuSeconds(), peer.peakRssKib());
        logPeer("getmail", peer);
        return verified(result, owner, INBOX, peer.exitCode());
    }

    /** James storing the set through its mailbox API: no network, no pipeline. */
    Result jamesStoring() throws Exception {
        String owner = newOwner();
        BenchHooks hooks = BenchHooks.current();
        hooks.createFolder(owner, INBOX);
        List<Path> files = set.messages().stream().map(Expected::file)
            .collect(Collectors.toList());
        Window window = Window.open();
        hooks.append(owner, INBOX, files);
        window.delivered(System.nanoTime());
        return verified(window.close(builder("James storing, no network", "-"), -1, -1),
            owner, INBOX);
    }

    private Result.Builder builder(String name, String protocol) {
        return Result.builder(name, protocol).moved(set.messages().size(), set.totalBytes());
    }

    private Result verified(Result.Builder result, String owner, String folder)
        throws Exception {
        return verified(result, owner, folder, 0);
    }

    /** The same, saying so when the peer ended in an error. */
    private Result verified(Result.Builder result, String owner, String folder, int exitCode)
        throws Exception {
        Result.Verdict found = Verifier.verify(BenchHooks.current(), owner, folder,
            set.messages());
        Result.Verdict verdict = exitCode == 0 ? found
            : Result.Verdict.incomplete(found.arrived(), found.text() + "; exit " + exitCode);
        BenchHooks.current().deleteFolder(owner, folder);
        if (!INBOX.equals(folder)) {
            BenchHooks.current().deleteFolder(owner, INBOX);
        }
        return result.verdict(verdict).build();
    }

    private Result.Verdict remoteEmptied(String remote, External peer) {
        int left = dovecot.messageCount(remote, INBOX);
        int taken = set.messages().size() - left;
        if (peer.exitCode() == 0 && left == 0) {
            return Result.Verdict.complete(taken, taken + " downloaded and deleted "
                + "(content not kept)");
        }
        return Result.Verdict.incomplete(taken, taken + " downloaded (content not kept), exit "
            + peer.exitCode() + ", " + left + " left on the server");
    }

    private void logPeer(String peer, External result) {
        if (result.exitCode() != 0) {
            LOGGER.warn("{} exited with {}: {}", peer, result.exitCode(),
                tail(result.output()));
        }
    }

    private static String tail(String output) {
        return output.length() <= 600 ? output : output.substring(output.length() - 600);
    }

    /**
     * Waits until the folder holds the whole set, or has not grown for a while; returns when
     * the last message arrived (mail accepted over SMTP is stored after the peer has left).
     */
    private long awaitDelivered(String owner, String folder) throws Exception {
        int expected = set.messages().size();
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long count = BenchHooks.current().count(owner, folder);
            long now = System.nanoTime();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            }
            if (count >= expected || now - lastChange > QUIET_NANOS) {
                return lastChange;
            }
            Thread.sleep(10);
        }
    }

    private String fillRemote() throws IOException {
        accounts++;
        String remote = "remote" + accounts;
        dovecot.addUser(remote, PASSWORD);
        for (Expected message : set.messages()) {
            dovecot.deliver(remote, INBOX, message.file());
        }
        return remote;
    }

    private String newOwner() throws Exception {
        owners++;
        String owner = "owner" + owners + "@" + BenchJames.DOMAIN;
        james.addUser(owner, PASSWORD);
        return owner;
    }

    private String fetchmailrc(Protocol protocol, Target target, String remote, String owner) {
        StringBuilder rc = new StringBuilder()
            .append("set no bouncemail\n")
            .append("poll localhost service ").append(dovecot.port(protocol, Security.TLS))
            .append(" protocol ").append(protocol.name()).append(" timeout 300\n")
            .append("  user \"").append(remote).append("\" there with password \"")
            .append(PASSWORD).append("\" is \"").append(owner).append("\" here\n")
            .append("  ssl sslcertck sslcertfile \"").append(dovecot.certificate())
            .append("\"\n")
            .append("  fetchall nokeep no rewrite limit 0 batchlimit 0 fetchlimit 0\n");
        if (target == Target.NOWHERE) {
            rc.append("  bsmtp /dev/null\n");
        } else {
            int port = target == Target.LMTP ? james.lmtpPort() : james.smtpPort();
            rc.append(target == Target.LMTP ? "  lmtp" : " ").append(" smtphost 127.0.0.1/")
                .append(port).append(" smtpname \"").append(owner).append("\"\n");
        }
        return rc.toString();
    }

    private String getmailrc(Protocol protocol, String remote, String owner) {
        String retriever = protocol == Protocol.IMAP ? "SimpleIMAPSSLRetriever"
            : "SimplePOP3SSLRetriever";
        return "[retriever]\n"
            + "type = " + retriever + "\n"
            + "server = localhost\n"
            + "port = " + dovecot.port(protocol, Security.TLS) + "\n"
            + "username = " + remote + "\n"
            + "password = " + PASSWORD + "\n"
            + "ca_certs = " + dovecot.certificate() + "\n"
            + (protocol == Protocol.IMAP ? "mailboxes = (\"INBOX\",)\n" : "")
            + "\n[destination]\n"
            + "type = MDA_lmtp\n"
            + "host = 127.0.0.1\n"
            + "port = " + james.lmtpPort() + "\n"
            + "override = " + owner + "\n"
            + "\n[options]\n"
            + "read_all = true\n"
            + "delete = true\n"
            + "message_log_syslog = false\n"
            + "verbose = 0\n";
    }

    /** The measured span: wall time, this JVM's CPU and peak RSS (James and the collector). */
    private static final class Window {
        private final long startNanos;
        private final double startCpu;
        private long endNanos;

        private Window(long startNanos, double startCpu) {
            this.startNanos = startNanos;
            this.startCpu = startCpu;
        }

        static Window open() throws IOException {
            System.gc();
            ProcUsage.resetPeak(ProcUsage.self());
            return new Window(System.nanoTime(), ProcUsage.cpuSeconds(ProcUsage.self()));
        }

        void delivered(long nanos) {
            endNanos = Math.max(nanos, endNanos);
        }

        Result.Builder close(Result.Builder result, double peerCpu, long peerPeakKib)
            throws IOException {
            double jamesCpu = ProcUsage.cpuSeconds(ProcUsage.self()) - startCpu;
            long jamesPeak = ProcUsage.peakRssKib(ProcUsage.self());
            return result.cpu(peerCpu, jamesCpu).peakRssKib(peerPeakKib, jamesPeak)
                .seconds((endNanos - startNanos) / 1e9);
        }
    }
}
