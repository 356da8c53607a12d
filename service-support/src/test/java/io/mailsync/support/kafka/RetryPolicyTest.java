package io.mailsync.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class RetryPolicyTest {

    private static MailsyncKafkaProperties.Retry retry(Duration initial, Duration max, Duration jitter, int retries) {
        return new MailsyncKafkaProperties.Retry(initial, 2, max, jitter, retries, true);
    }

    @Test
    void waitsGrowWithJitterWithinTheBoundsAndStopAfterMaxRetries() {
        for (int run = 0; run < 20; run++) {
            BackOffExecution execution = KafkaRetryAutoConfiguration.backOff(
                    retry(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(50), 3)).start();
            List<Long> waits = new ArrayList<>();
            for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
                waits.add(wait);
            }
            assertThat(waits).hasSize(3);
            assertThat(waits.get(0)).isBetween(200L, 250L);
            assertThat(waits.get(1)).isBetween(300L, 500L);
            assertThat(waits.get(2)).isBetween(600L, 1000L);
        }
    }

    @Test
    void noRetriesMeansTheFirstFailureIsFinal() {
        BackOffExecution execution = KafkaRetryAutoConfiguration.backOff(
                retry(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ZERO, 0)).start();
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> retry(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(50), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mailsync.kafka.retry");
        assertThatThrownBy(() -> retry(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ZERO, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-interval");
        assertThatThrownBy(() -> retry(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ZERO, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-retries");
    }
}
