package io.mailsync.quota.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.EventCodec;
import io.mailsync.events.QuotaAlert;
import io.mailsync.events.QuotaForecastWarning;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.domain.Forecast;
import io.mailsync.quota.domain.Notice;
import io.mailsync.quota.domain.Resource;
import io.mailsync.quota.domain.Usage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Notices become the wire contract's events, with the notice id as event id (what ties e-mail and event). */
class KafkaAlertPublisherTest {

    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    private final EventCodec codec = new EventCodec();

    private QuotaAlert roundTrip(Notice notice) {
        String json = codec.encode(KafkaAlertPublisher.toEvent(AccountId.of("acc-1"), notice, T));
        return codec.decode(json, QuotaAlert.class).orElseThrow();
    }

    @Test
    void levelsGoUpAndTheWayBackUnderGoesDown() {
        UUID id = UUID.randomUUID();
        assertThat(roundTrip(new Notice.LevelReached(id, Resource.MESSAGE, 95, new Usage(9_612, 10_000), null)))
                .isEqualTo(new QuotaLevelCrossed(id, T, AccountId.of("acc-1"), QuotaAlert.Resource.MESSAGE, 95,
                        QuotaLevelCrossed.Direction.UP, 9_612, 10_000, 96.1));
        QuotaLevelCrossed down = (QuotaLevelCrossed) roundTrip(
                new Notice.BackUnderQuota(UUID.randomUUID(), Resource.STORAGE, new Usage(97, 100)));
        assertThat(down.direction()).isEqualTo(QuotaLevelCrossed.Direction.DOWN);
        assertThat(down.level()).isEqualTo(100);
    }

    @Test
    void aForecastCarriesWhenAndHowSoon() {
        QuotaForecastWarning w = (QuotaForecastWarning) roundTrip(new Notice.FullSoon(UUID.randomUUID(),
                Resource.STORAGE, new Usage(750, 1_000), new Forecast(T.plusSeconds(864_000), 10.04)));
        assertThat(w.expectedFullAt()).isEqualTo(T.plusSeconds(864_000));
        assertThat(w.daysToFull()).isEqualTo(10.0);
        assertThat(w.percent()).isEqualTo(75.0);
    }
}
