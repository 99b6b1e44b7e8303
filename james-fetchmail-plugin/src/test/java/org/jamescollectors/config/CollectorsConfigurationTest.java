package org.jamescollectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CollectorsConfigurationTest {
    @Test
    void defaultsShouldMatchTheProductBrief() {
        CollectorsConfiguration defaults = CollectorsConfiguration.defaults();

        assertThat(defaults.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.allowPlaintext()).isFalse();
        assertThat(defaults.allowedPorts()).containsExactlyInAnyOrder(110, 143, 993, 995);
        assertThat(defaults.allowance().allowedFor(OptionalLong.of(1L << 30))).isEqualTo(2);
        assertThat(defaults.allowance().allowedFor(OptionalLong.of(5L << 30))).isEqualTo(5);
        assertThat(defaults.allowance().allowedFor(OptionalLong.empty())).isEqualTo(5);
        assertThat(defaults.pauseAfterAuthenticationFailures()).isEqualTo(2);
        assertThat(defaults.pauseAfterFailingFor()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.storeSettings()).isEmpty();
        assertThat(defaults.parallelDeliveries()).isEqualTo(2);
    }

    @Test
    void parallelDeliveriesShouldBeReadWithinItsBounds() throws Exception {
        CollectorsConfiguration one = CollectorsConfiguration.fromMap(
            Map.of("collection.parallelDeliveries", "1"));

        assertThat(one.parallelDeliveries()).isEqualTo(1);
        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(
            Map.of("collection.parallelDeliveries", "0")))
            .hasMessageContaining("collection.parallelDeliveries");
        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(
            Map.of("collection.parallelDeliveries", "17")))
            .hasMessageContaining("collection.parallelDeliveries");
    }

    @Test
    void fromShouldReadEveryKindOfValue() throws Exception {
        CollectorsConfiguration configuration = CollectorsConfiguration.fromMap(Map.of(
            "collection.interval", "10m",
            "message.maxSize", "10MiB",
            "remote.allowPlaintext", "true",
            "targets.allowedPorts", "1110,1143",
            "targets.allowedNetworks", "127.0.0.1/32, ::1",
            "limits.collectors.tiers", "1GiB:3,10GiB:8",
            "store.jdbc.url", "jdbc:postgresql://db.example.test/james"));

        assertThat(configuration.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(configuration.maxMessageSize()).isEqualTo(10L << 20);
        assertThat(configuration.allowPlaintext()).isTrue();
        assertThat(configuration.allowedPorts()).isEqualTo(Set.of(1110, 1143));
        assertThat(configuration.allowedNetworks()).hasSize(2);
        assertThat(configuration.allowance().allowedFor(OptionalLong.of(2L << 30))).isEqualTo(3);
        assertThat(configuration.allowance().allowedFor(OptionalLong.of(20L << 30))).isEqualTo(8);
        assertThat(configuration.storeSettings())
            .containsEntry("store.jdbc.url", "jdbc:postgresql://db.example.test/james");
    }

    @Test
    void fromShouldReportEveryProblemAtOnceNamingItsKey() {
        Map<String, String> broken = Map.of(
            "collection.interval", "hourly",
            "collection.concurrency", "0",
            "message.maxSize", "50 megs",
            "targets.allowedPorts", "143,99999",
            "targets.deniedNetworks", "10.0.0.0/33",
            "limits.collectors.tiers", "5GiB",
            "notifications.language", "de",
            "colection.interval", "1h");

        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(broken))
            .isInstanceOfSatisfying(CollectorsConfigurationException.class, e ->
                assertThat(e.problems()).hasSize(8)
                    .anySatisfy(p -> assertThat(p).startsWith("collection.interval:"))
                    .anySatisfy(p -> assertThat(p).startsWith("collection.concurrency:"))
                    .anySatisfy(p -> assertThat(p).startsWith("message.maxSize:"))
                    .anySatisfy(p -> assertThat(p).startsWith("targets.allowedPorts:"))
                    .anySatisfy(p -> assertThat(p).startsWith("targets.deniedNetworks:"))
                    .anySatisfy(p -> assertThat(p).startsWith("limits.collectors.tiers:"))
                    .anySatisfy(p -> assertThat(p).startsWith("notifications.language:"))
                    .anySatisfy(p -> assertThat(p).startsWith("colection.interval: unknown")))
            .hasMessageContaining("collectors.properties");
    }

    @Test
    void fromShouldRefuseAMinimumIntervalAboveTheInterval() {
        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(Map.of(
            "collection.interval", "10m", "collection.minimumInterval", "1h")))
            .hasMessageContaining(
                "collection.minimumInterval: must not exceed collection.interval");
    }

    @Test
    void fromShouldRequireAnUrlWithOtherStoreSettings() {
        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(Map.of(
            "store.jdbc.username", "james")))
            .hasMessageContaining("store.jdbc.url: is required");
    }

    @Test
    void notificationsShouldBeSentInEnglishByDefault() {
        CollectorsConfiguration defaults = CollectorsConfiguration.defaults();

        assertThat(defaults.notificationsEnabled()).isTrue();
        assertThat(defaults.notificationLanguage()).isEqualTo("en");
    }

    @Test
    void fromShouldReadTheNotificationSettings() throws Exception {
        CollectorsConfiguration configuration = CollectorsConfiguration.fromMap(Map.of(
            "notifications.enabled", "false", "notifications.language", "FR"));

        assertThat(configuration.notificationsEnabled()).isFalse();
        assertThat(configuration.notificationLanguage()).isEqualTo("fr");
    }

    @Test
    void fromShouldRefuseANotificationSwitchThatIsNotABoolean() {
        assertThatThrownBy(() -> CollectorsConfiguration.fromMap(Map.of(
            "notifications.enabled", "yes")))
            .hasMessageContaining("notifications.enabled:");
    }
}
