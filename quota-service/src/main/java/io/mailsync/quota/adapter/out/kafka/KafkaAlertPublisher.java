package io.mailsync.quota.adapter.out.kafka;

import io.mailsync.events.EventCodec;
import io.mailsync.events.QuotaAlert;
import io.mailsync.events.QuotaForecastWarning;
import io.mailsync.events.QuotaLevelCrossed;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AlertPublisher;
import io.mailsync.quota.domain.Levels;
import io.mailsync.quota.domain.Notice;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes each notice keyed by account id, with the notice id as event id, and waits for the broker's ack. */
@Component
class KafkaAlertPublisher implements AlertPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final TopicNames topics;
    private final EventCodec codec = new EventCodec();

    KafkaAlertPublisher(KafkaTemplate<String, String> kafka, TopicNames topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    @Override
    public void publish(AccountId accountId, Notice notice, Instant occurredAt) {
        try {
            kafka.send(topics.quotaAlerts(), accountId.value(), codec.encode(toEvent(accountId, notice, occurredAt)))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("quota.alerts did not take the event: " + e.getMessage(), e);
        }
    }

    static QuotaAlert toEvent(AccountId accountId, Notice notice, Instant occurredAt) {
        QuotaAlert.Resource resource = QuotaAlert.Resource.valueOf(notice.resource().name());
        double percent = Math.round(notice.usage().percent() * 10) / 10.0;
        long used = notice.usage().used();
        long limit = notice.usage().limit();
        return switch (notice) {
            case Notice.LevelReached l -> new QuotaLevelCrossed(l.id(), occurredAt, accountId, resource, l.level(),
                    QuotaLevelCrossed.Direction.UP, used, limit, percent);
            case Notice.BackUnderQuota b -> new QuotaLevelCrossed(b.id(), occurredAt, accountId, resource,
                    Levels.FULL, QuotaLevelCrossed.Direction.DOWN, used, limit, percent);
            case Notice.FullSoon f -> new QuotaForecastWarning(f.id(), occurredAt, accountId, resource, percent,
                    f.forecast().fullAt(), Math.round(f.forecast().daysToFull() * 10) / 10.0);
        };
    }
}
