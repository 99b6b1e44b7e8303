package org.jamescollectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CollectedProcessorCheckTest {
    private static final String SIEVE = CollectorSieve.class.getName();
    private static final String DELIVERY = CollectorDelivery.class.getName();
    private static final String SPAM = "org.apache.james.transport.mailets.SpamAssassin";

    @Test
    void problemShouldBeEmptyWhenSieveComesBeforeDelivery() {
        assertThat(CollectedProcessorCheck.problemWithMailets(List.of(SPAM, SIEVE, DELIVERY)))
            .isEmpty();
    }

    @Test
    void problemShouldNameTheMailetWhenDeliveryIsMissing() {
        assertThat(CollectedProcessorCheck.problemWithMailets(List.of(SPAM, SIEVE)))
            .hasValueSatisfying(problem -> assertThat(problem)
                .contains("has no " + DELIVERY)
                .contains("never be stored"));
    }

    @Test
    void problemShouldNameTheMailetWhenSieveIsMissing() {
        assertThat(CollectedProcessorCheck.problemWithMailets(List.of(DELIVERY)))
            .hasValueSatisfying(problem -> assertThat(problem)
                .contains("has no " + SIEVE)
                .contains("Sieve filters would not apply"));
    }

    @Test
    void problemShouldSayWhenSieveComesAfterDelivery() {
        assertThat(CollectedProcessorCheck.problemWithMailets(List.of(DELIVERY, SIEVE)))
            .hasValueSatisfying(problem -> assertThat(problem)
                .contains(SIEVE + " comes after " + DELIVERY));
    }

    @Test
    void problemShouldSayWhenJamesProcessorIsNotItsMailetContainer() {
        CollectedProcessorCheck check = new CollectedProcessorCheck(mail -> { });

        assertThat(check.problem()).hasValueSatisfying(problem -> assertThat(problem)
            .contains("not the state processor of James' mailet container"));
    }
}
