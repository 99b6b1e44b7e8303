package org.jamescollectors.remote.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModifiedUtf7Test {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INBOX|INBOX",
        "Re\u00e7us 2024|Re&AOc-us 2024",
        "Tom & Jerry|Tom &- Jerry",
        "&|&-",
        "~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e|~peter/mail/&U,BTFw-/&ZeVnLIqe-",
        "\u00e9t\u00e9|&AOk-t&AOk-",
        "\ud83d\udce7 mail|&2D3c5w- mail",
        "caf\u00e9\u00e9|caf&AOkA6Q-"
    })
    void encodeShouldFollowRfc3501WhenNameHasNonAscii(String name, String encoded) {
        assertThat(ModifiedUtf7.encode(name)).isEqualTo(encoded);
        assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(name);
    }

    @Test
    void encodeShouldShiftControlCharacters() {
        String encoded = ModifiedUtf7.encode("a\tb");

        assertThat(encoded).isEqualTo("a&AAk-b");
    }

    @Test
    void decodeShouldRefuseUnterminatedShift() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("Re&AOc"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeShouldRefuseStandardBase64Slash() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&U/BTFw-"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeShouldRefuseOddNumberOfBytes() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&AO-"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeShouldRefuseEightBitCharacters() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("Re\u00e7us"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
