package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Protocol;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {
    private static final CollectorId COLLECTOR =
        CollectorId.of(UUID.fromString("0b5f3c4e-8a61-4d2e-9c1b-3f7a2d9e6b10"));
    private static final ZonedDateTime DATE = ZonedDateTime.parse("2024-02-03T04:05:06+01:00");

    @Test
    void markerShouldBeStableForTheSameCollectorAndKey() {
        assertThat(TraceHeader.markerFor(COLLECTOR, "imap:17:42"))
            .isEqualTo(TraceHeader.markerFor(CollectorId.of(COLLECTOR.asString()), "imap:17:42"));
    }

    @Test
    void markerShouldDifferWhenKeyOrCollectorDiffers() {
        String marker = TraceHeader.markerFor(COLLECTOR, "imap:17:42");

        assertThat(TraceHeader.markerFor(COLLECTOR, "imap:17:43")).isNotEqualTo(marker);
        assertThat(TraceHeader.markerFor(CollectorId.random(), "imap:17:42")).isNotEqualTo(marker);
    }

    @Test
    void markerShouldBeOneLowerCaseTokenNamingTheCollector() {
        String marker = TraceHeader.markerFor(COLLECTOR, "pop3:UIDL with spaces");

        assertThat(marker).matches("jmc[0-9a-f]{64}");
        assertThat(marker).startsWith("jmc" + COLLECTOR.asString().replace("-", ""));
    }

    @Test
    void headerShouldFollowTheReceivedSyntax() {
        TraceHeader header = TraceHeader.of(message("pop.remote.test", Protocol.POP3),
            "mx.local.test", DATE);

        assertThat(header.asString()).isEqualTo("Received: from pop.remote.test by mx.local.test"
            + " with POP3 (James Mail Collectors)\r\n"
            + "\tid " + TraceHeader.markerFor(COLLECTOR, "pop3:abc") + ";\r\n"
            + "\tSat, 3 Feb 2024 04:05:06 +0100\r\n");
    }

    @Test
    void headerShouldNotLetAHostNameAddHeaderLines() {
        TraceHeader header = TraceHeader.of(
            message("evil.test\r\nBcc: victim@remote.test", Protocol.IMAP), "mx.local.test", DATE);

        assertThat(header.asString().split("\r\n")).hasSize(3);
        assertThat(header.asString())
            .startsWith("Received: from evil.test__Bcc:_victim_remote.test by mx.local.test ");
    }

    @Test
    void isOursForShouldRecogniseOnlyOurHeaderWithTheMarker() {
        String marker = TraceHeader.markerFor(COLLECTOR, "pop3:abc");
        String value = TraceHeader.of(message("pop.remote.test", Protocol.POP3), "mx.local.test",
            DATE).asString().substring("Received: ".length());

        assertThat(TraceHeader.isOursFor(value, marker)).isTrue();
        assertThat(TraceHeader.isOursFor(value, TraceHeader.markerFor(COLLECTOR, "pop3:abd")))
            .isFalse();
        assertThat(TraceHeader.isOursFor("from x by y with ESMTP id " + marker + ";", marker))
            .isFalse();
    }

    private static CollectedMessage message(String remoteHost, Protocol protocol) {
        return CollectedMessage.builder()
            .owner(Username.of("bob@local.test"))
            .collectorId(COLLECTOR)
            .collectorName("work")
            .messageKey("pop3:abc")
            .protocol(protocol)
            .remoteHost(remoteHost)
            .content(Path.of("unused.eml"), 0)
            .build();
    }
}
