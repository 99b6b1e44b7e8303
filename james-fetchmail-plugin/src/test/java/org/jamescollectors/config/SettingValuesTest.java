package org.jamescollectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingValuesTest {
    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "15m,PT15M", "1h,PT1H", "3d,PT72H", "2 h,PT2H",
        "10MIN,PT10M"})
    void durationShouldReadWhatPeopleWrite(String text, String expected) throws Exception {
        assertThat(SettingValues.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "1x", "-1h", "1.5h", "1h30m"})
    void durationShouldRefuseWhatIsAmbiguous(String text) {
        assertThatThrownBy(() -> SettingValues.duration(text))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining(text);
    }

    @ParameterizedTest
    @CsvSource({"1024,1024", "50MiB,52428800", "5GiB,5368709120", "5GB,5000000000", "10 KB,10000",
        "1kib,1024", "7B,7"})
    void sizeShouldReadWhatPeopleWrite(String text, long expected) throws Exception {
        assertThat(SettingValues.size(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MiB", "5 Go", "1.5GiB", "9999999999999TiB"})
    void sizeShouldRefuseWhatItCannotRead(String text) {
        assertThatThrownBy(() -> SettingValues.size(text))
            .isInstanceOf(InvalidSettingException.class);
    }
}
