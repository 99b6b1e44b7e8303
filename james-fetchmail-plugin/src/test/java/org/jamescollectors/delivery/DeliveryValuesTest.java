package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Protocol;
import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;

class DeliveryValuesTest {
    @Test
    void deliveryOutcomeShouldBeAValue() {
        EqualsVerifier.forClass(DeliveryOutcome.class).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void collectedMessageShouldBeAValue() {
        EqualsVerifier.forClass(CollectedMessage.class).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void outcomesShouldSayWhetherTheMessageIsCollected() {
        assertThat(DeliveryOutcome.stored("INBOX").collected()).isTrue();
        assertThat(DeliveryOutcome.ended("discarded").collected()).isTrue();
        assertThat(DeliveryOutcome.failedTemporarily("over quota").collected()).isFalse();
        assertThat(DeliveryOutcome.failedPermanently("broken").temporary()).isFalse();
    }

    @Test
    void collectedMessageShouldRefuseANegativeSize() {
        assertThatThrownBy(() -> message().content(Path.of("x.eml"), -1).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("size < 0: -1");
    }

    @Test
    void collectedMessageShouldTreatABlankTargetFolderAsNone() {
        assertThat(message().targetFolder(" ").build().targetFolder()).isEmpty();
    }

    @Test
    void parseReturnPathShouldReadTheAddressBetweenBrackets() throws Exception {
        assertThat(CollectedMailFactory.parseReturnPath(" <alice@remote.test> "))
            .contains(new MailAddress("alice@remote.test"));
    }

    @Test
    void parseReturnPathShouldGiveNothingForTheNullPathOrGarbage() {
        assertThat(CollectedMailFactory.parseReturnPath("<>")).isEmpty();
        assertThat(CollectedMailFactory.parseReturnPath("not an address")).isEmpty();
    }

    private static CollectedMessage.Builder message() {
        return CollectedMessage.builder()
            .owner(Username.of("bob@local.test"))
            .collectorId(CollectorId.random())
            .collectorName("work")
            .messageKey("pop3:abc")
            .protocol(Protocol.POP3)
            .remoteHost("pop.remote.test")
            .content(Path.of("x.eml"), 10);
    }
}
