package io.mailsync.quota.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code mailsync.quota.*} bound as Spring Boot binds it at start: typed, defaulted, and refused when unusable. */
class QuotaPropertiesTest {

    private static QuotaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("mailsync.quota", QuotaProperties.class);
    }

    @Test
    void nothingSetGivesTheDocumentedDefaults() {
        QuotaProperties p = bind(Map.of());

        assertThat(p.levels()).containsExactly(80, 90, 95, 100);
        assertThat(p.gracePeriod()).isEqualTo(Duration.ofDays(7));
        assertThat(p.delivery().poll()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.history().bucket()).isEqualTo(Duration.ofHours(1));
        assertThat(p.mail().from()).isEqualTo("quota-notices@mailsync.invalid");
    }

    @Test
    void durationsAreReadAsDurations() {
        assertThat(bind(Map.of("mailsync.quota.delivery.poll", "PT0.3S")).delivery().poll())
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aZeroPollIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("mailsync.quota.delivery.poll", "0s")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("mailsync.quota.delivery.poll must be a positive duration");
    }

    @Test
    void aSenderThatIsNoAddressIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("mailsync.quota.mail.from", "quota notices")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("mailsync.quota.mail.from must be an e-mail address");
    }
}
