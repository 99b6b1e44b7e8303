package org.jamescollectors.remote.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class UidSetTest {
    @Test
    void ofShouldCompressRunsIntoRanges() {
        String set = UidSet.of(List.of(3L, 4L, 5L, 9L, 12L, 13L));

        assertThat(set).isEqualTo("3:5,9,12:13");
    }

    @Test
    void ofShouldWriteSingleUid() {
        assertThat(UidSet.of(List.of(7L))).isEqualTo("7");
    }

    @Test
    void ofShouldRefuseEmptyList() {
        assertThatThrownBy(() -> UidSet.of(List.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
