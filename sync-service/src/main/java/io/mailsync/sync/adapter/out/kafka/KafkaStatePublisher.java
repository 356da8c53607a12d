package io.mailsync.sync.adapter.out.kafka;

import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.StatePublisher;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Fire and forget: a lost signal only delays push; clients still see the change on their next {@code /changes}. */
@Component
class KafkaStatePublisher implements StatePublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaStatePublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final TopicNames topics;
    private final EventCodec codec;
    private final Clock clock;

    KafkaStatePublisher(KafkaTemplate<String, String> kafka, TopicNames topics, EventCodec codec, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public void stateAdvanced(AccountId accountId, SyncState state) {
        String value = codec.encode(new AccountStateAdvanced(accountId, state.text(), clock.instant()));
        kafka.send(topics.state(), accountId.value(), value).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("state signal for {} not published: {}", accountId, failure.getMessage());
            }
        });
    }
}
