package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a finished mail reads when no listener saw it (James' processor is not inspectable). */
class PipelineVerdictTest {
    private final PipelineTrace trace = new PipelineTrace(mail -> { });
    private MailImpl mail;
    private PipelineTrace.Track track;

    @BeforeEach
    void setUp() throws Exception {
        mail = MailImpl.builder()
            .name("collected-test")
            .addRecipient("bob@local.test")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("hi").build())
            .state(CollectedMailSubmitter.PROCESSOR)
            .build();
        track = trace.follow(mail);
    }

    @AfterEach
    void tearDown() {
        track.close();
        mail.dispose();
    }

    @Test
    void verdictShouldBeStoredWhenDeliveryRecordedAFolder() {
        CollectedMailAttributes.set(mail, CollectedMailAttributes.STORED_IN, "Lists");
        mail.setState(Mail.GHOST);

        assertThat(PipelineVerdict.of(mail, track)).isEqualTo(DeliveryOutcome.stored("Lists"));
    }

    @Test
    void verdictShouldBeATemporaryFailureWhenDeliveryRecordedOne() {
        CollectedMailAttributes.set(mail, CollectedMailAttributes.FAILURE, "over quota");
        mail.setState(Mail.GHOST);

        assertThat(PipelineVerdict.of(mail, track))
            .isEqualTo(DeliveryOutcome.failedTemporarily("over quota"));
    }

    @Test
    void verdictShouldBeAFailureWhenAMailetErrorIsRecorded() {
        mail.setAttribute(new Attribute(Mail.MAILET_ERROR,
            AttributeValue.ofUnserializable(new IllegalStateException("boom"))));
        mail.setErrorMessage("Exception calling Checker: boom\n\tat somewhere");
        mail.setState(Mail.GHOST);

        DeliveryOutcome outcome = PipelineVerdict.of(mail, track);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.reason()).isEqualTo("a mailet failed (Exception calling Checker: boom)");
    }

    @Test
    void verdictShouldBeAFailureWhenNoMailetEndedTheMail() {
        mail.setState(Mail.GHOST);

        DeliveryOutcome outcome = PipelineVerdict.of(mail, track);

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
        assertThat(outcome.reason()).contains("left the pipeline unstored");
    }
}
