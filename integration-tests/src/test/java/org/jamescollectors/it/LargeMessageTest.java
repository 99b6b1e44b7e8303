package org.jamescollectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.jamescollectors.collect.Collector;
import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Retention;
import org.jamescollectors.collect.Run;
import org.jamescollectors.collect.Security;
import org.jamescollectors.testing.DovecotExtension;
import org.jamescollectors.testing.DovecotServer;
import org.jamescollectors.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 50 MiB message is collected by a memory-flavour James whose heap is capped at 512 MiB (this
 * class runs in a JVM of its own started with -Xmx512m, see the module's pom), over both
 * protocols. The memory mailbox itself keeps the message in the heap; our code streams it.
 */
class LargeMessageTest {
    @RegisterExtension
    @Order(1)
    static final DovecotExtension DOVECOT = new DovecotExtension();

    @RegisterExtension
    @Order(2)
    static final JamesServerExtension JAMES = CollectorsJames.perClass(() -> {
        Map<String, String> settings = Remote.settingsFor(DOVECOT.server());
        settings.put("message.maxSize", "60MiB");
        return settings;
    });

    private static final long SIZE = 50L << 20;
    private static final String PASSWORD = "large";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void fiftyMebibyteMessageShouldBeCollectedWithinA512MebibyteHeap(Protocol protocol,
                                                                    GuiceJamesServer james)
        throws Exception {
        assertThat(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax())
            .isLessThanOrEqualTo(512L << 20);
        DovecotServer dovecot = DOVECOT.server();
        String remoteUser = TestUsers.next("large");
        dovecot.addUser(remoteUser, PASSWORD);
        dovecot.deliver(remoteUser, "INBOX", largeMessage(folder.resolve("large.eml")));
        String owner = CollectionEndToEndTest.jamesUser(james);
        Collector collector = Remote.create(TestHooks.current(), Username.of(owner),
            Remote.account(dovecot, protocol, Security.TLS, remoteUser), PASSWORD,
            Retention.fetchAll(), Optional.empty());

        Run run = Remote.runNow(TestHooks.current(), collector.id());

        assertThat(run.outcome()).isEqualTo(Run.Outcome.SUCCESS);
        assertThat(run.messages()).isEqualTo(1);
        assertThat(run.bytes()).isGreaterThanOrEqualTo(SIZE);
        assertThat(dovecot.messageCount(remoteUser, "INBOX")).isZero();
        assertThat(CollectionEndToEndTest.probe(james).counts(owner)).containsEntry("INBOX", 1);
    }

    private static Path largeMessage(Path file) throws Exception {
        byte[] line =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/0123456789ab\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: big@remote.test\r\nTo: user@remote.test\r\nSubject: fifty MiB\r\n"
                + "Message-ID: <large@remote.test>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < SIZE; written += line.length) {
                out.write(line);
            }
        }
        return file;
    }
}
