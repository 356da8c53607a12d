package io.mailsync.quota.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.quota.domain.AlertPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that cannot work are refused at start, naming the property an operator sets. */
class QuotaSettingsTest {

    private static QuotaSettings settings(Duration claimLease, Duration retryFirst, Duration retryMax) {
        return new QuotaSettings(Map.of("default", AlertPolicy.defaults()), "default", Duration.ofDays(30),
                claimLease, retryFirst, retryMax, "quota-1");
    }

    @Test
    void sensibleSettingsAreTaken() {
        assertThat(settings(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(30)).retryMax())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aZeroClaimLeaseIsRefused() {
        assertThatThrownBy(() -> settings(Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mailsync.quota.delivery.claim-lease");
    }

    @Test
    void aLongestBackOffShorterThanTheFirstIsRefused() {
        assertThatThrownBy(() -> settings(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mailsync.quota.delivery.retry-max");
    }

    @Test
    void aDefaultPlanThatIsNotConfiguredIsRefused() {
        assertThatThrownBy(() -> new QuotaSettings(Map.of("gold", AlertPolicy.defaults()), "default",
                Duration.ofDays(30), Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(30), "q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'default'");
    }
}
