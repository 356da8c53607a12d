package io.mailsync.gateway.adapter.in.kafka;

import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.application.PushHub;
import io.mailsync.gateway.application.settings.PushSettings;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link PushHub} from the state topic. On assignment it reads back {@code mailsync.gateway.push.replay} so a
 * freshly started replica knows recent accounts' latest state for {@code Last-Event-ID} resumes.
 */
@Component
class StateListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(StateListener.class);

    private final PushHub hub;
    private final EventCodec codec;
    private final PushSettings settings;

    StateListener(PushHub hub, EventCodec codec, PushSettings settings) {
        this.hub = hub;
        this.codec = codec;
        this.settings = settings;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        long from = Instant.now().minus(settings.replay()).toEpochMilli();
        callback.seekToTimestamp(assignments.keySet(), from);
    }

    @KafkaListener(id = "gateway-push", topics = "#{@topicNames.state()}",
            // a group of this replica alone: every replica must see every record (offsets are never relied on)
            groupId = "#{@consumerGroups.perInstance('gateway-push')}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            codec.decode(record.value(), AccountStateAdvanced.class)
                    .ifPresent(advanced -> hub.advanced(advanced.accountId(), advanced.state()));
        } catch (MalformedRecordException | IllegalArgumentException e) {
            // IllegalArgumentException: an account id that cannot be one (ADR 0012) has no stream to tell
            log.warn("skipping unreadable state record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
