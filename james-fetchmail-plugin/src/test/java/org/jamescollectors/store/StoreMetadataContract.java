package org.jamescollectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The behaviour every {@link StoreMetadata} shares; each test starts from empty stores. */
public interface StoreMetadataContract {
    Stores stores();

    default StoreMetadata metadata() {
        return stores().metadata();
    }

    @Test
    default void getShouldBeEmptyWhenUnset() {
        assertThat(metadata().get("secret.fingerprint")).isEmpty();
    }

    @Test
    default void putShouldStoreAValue() {
        metadata().put("secret.fingerprint", "sha256:abc");

        assertThat(metadata().get("secret.fingerprint")).contains("sha256:abc");
    }

    @Test
    default void putShouldOverwriteAValue() {
        metadata().put("secret.fingerprint", "sha256:abc");

        metadata().put("secret.fingerprint", "sha256:def");

        assertThat(metadata().get("secret.fingerprint")).contains("sha256:def");
    }

    @Test
    default void putShouldAcceptTheSameValueTwice() {
        metadata().put("secret.fingerprint", "sha256:abc");

        metadata().put("secret.fingerprint", "sha256:abc");

        assertThat(metadata().get("secret.fingerprint")).contains("sha256:abc");
    }

    @Test
    default void putShouldKeepNamesApart() {
        metadata().put("a", "1");
        metadata().put("A", "2");

        assertThat(metadata().get("a")).contains("1");
        assertThat(metadata().get("A")).contains("2");
    }

    @Test
    default void putShouldRejectANameEndingWithASpace() {
        metadata().put("a", "1");

        assertThatThrownBy(() -> metadata().put("a ", "2"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(metadata().get("a")).contains("1");
    }

    @Test
    default void putIfAbsentShouldStoreWhenAbsent() {
        String stored = metadata().putIfAbsent("node.first", "n1");

        assertThat(stored).isEqualTo("n1");
        assertThat(metadata().get("node.first")).contains("n1");
    }

    @Test
    default void putIfAbsentShouldKeepAndReturnTheExistingValue() {
        metadata().put("node.first", "n1");

        String stored = metadata().putIfAbsent("node.first", "n2");

        assertThat(stored).isEqualTo("n1");
        assertThat(metadata().get("node.first")).contains("n1");
    }

    @Test
    default void putIfAbsentFromManyThreadsShouldAgreeOnOneValue() throws Exception {
        try (Race race = Race.of(4)) {
            for (int round = 0; round < 20; round++) {
                String name = "race." + round;

                List<String> stored = race.round(racer ->
                    metadata().putIfAbsent(name, "v" + racer));

                assertThat(stored).containsOnly(metadata().get(name).orElseThrow());
            }
        }
    }

    @Test
    default void putShouldKeepValuesAtTheLimits() {
        String name = StoreSamples.repeat("ñ", StoreLimits.METADATA_NAME);
        String value = StoreSamples.repeat("😀", StoreLimits.METADATA_VALUE);

        metadata().put(name, value);

        assertThat(metadata().get(name)).contains(value);
    }

    @Test
    default void putShouldRejectValuesOverTheLimits() {
        String tooLongName = "n".repeat(StoreLimits.METADATA_NAME + 1);
        String tooLongValue = "v".repeat(StoreLimits.METADATA_VALUE + 1);

        assertThatThrownBy(() -> metadata().put(tooLongName, "v"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metadata().putIfAbsent("n", tooLongValue))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(metadata().get("n")).isEmpty();
    }
}
