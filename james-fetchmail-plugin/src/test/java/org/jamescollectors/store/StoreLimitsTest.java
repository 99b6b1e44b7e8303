package org.jamescollectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class StoreLimitsTest {
    @Test
    void cutShouldKeepShortTextAsItIs() {
        assertThat(StoreLimits.cut("short", 5)).isEqualTo("short");
    }

    @Test
    void cutShouldNotSplitASurrogatePair() {
        String text = "ab😀";

        assertThat(StoreLimits.cut(text, 3)).isEqualTo("ab");
        assertThat(StoreLimits.cut(text, 4)).isEqualTo("ab😀");
        assertThat(StoreLimits.cut("abcdef", 4)).isEqualTo("abcd");
    }

    @Test
    void withinShouldNameTheFieldAndTheLength() {
        assertThatThrownBy(() -> StoreLimits.within("name", "abcdef", 5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("name is longer than 5 characters: 6");
        assertThat(StoreLimits.within("name", "abcde", 5)).isEqualTo("abcde");
    }

    @Test
    void keyShouldRefuseATrailingSpaceOnly() {
        assertThat(StoreLimits.key("name", " a\tb", 10)).isEqualTo(" a\tb");
        assertThatThrownBy(() -> StoreLimits.key("name", "a ", 10))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must not end with a space");
    }

    @Test
    void nonNegativeShouldRefuseNegativeCounts() {
        assertThat(StoreLimits.nonNegative("limit", 0)).isZero();
        assertThatThrownBy(() -> StoreLimits.nonNegative("limit", -2))
            .hasMessage("limit must not be negative: -2");
    }

    @Test
    void millisShouldCutSubMillisecondPrecision() {
        assertThat(StoreLimits.millis(Instant.parse("2026-01-01T00:00:00.123999Z")))
            .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
        assertThat(StoreLimits.millis(Instant.parse("1969-12-31T23:59:59.999999Z")))
            .isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
    }
}
