package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.utils.DataProbeImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A James whose operator forgot the processor for collected mail. */
class MissingCollectedProcessorTest {
    @RegisterExtension
    static JamesServerExtension james = DeliveryJames.server("james-no-collected");

    @TempDir
    Path downloads;

    @Test
    void processorCheckShouldNameTheMissingProcessor(GuiceJamesServer server) {
        DeliveryProbe probe = server.getProbe(DeliveryProbe.class);

        assertThat(probe.processorProblem()).hasValueSatisfying(problem -> assertThat(problem)
            .contains("no 'collected' processor")
            .contains(CollectorDelivery.class.getName()));
    }

    @Test
    void submitShouldFailTemporarilyWithoutTouchingThePipeline(GuiceJamesServer server)
            throws Exception {
        DeliveryProbe probe = server.getProbe(DeliveryProbe.class);
        Username owner = DeliveryJames.freshUser("bob");
        server.getProbe(DataProbeImpl.class).addUser(owner.asString(), DeliveryJames.PASSWORD);
        Path file = DeliveryJames.write(downloads, "Return-Path: <" + owner.asString() + ">\r\n"
            + "Subject: lost?\r\n\r\nbody\r\n");

        DeliveryOutcome outcome = probe.submit(DeliveryJames.message(owner, file).build());

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.temporary()).isTrue();
        assertThat(outcome.reason()).contains("no 'collected' processor");
        assertThat(probe.allMessages(owner)).isEmpty();
    }
}
