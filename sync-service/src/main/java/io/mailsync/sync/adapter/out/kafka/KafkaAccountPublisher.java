package io.mailsync.sync.adapter.out.kafka;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

@Component
class KafkaAccountPublisher implements AccountPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final TopicNames topics;
    private final EventCodec codec;

    KafkaAccountPublisher(KafkaTemplate<String, String> kafka, TopicNames topics, EventCodec codec) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
    }

    @Override
    public void publish(AccountSpec spec) {
        Sends.await(kafka.send(topics.accounts(), spec.accountId().value(), codec.encode(spec)));
    }

    @Override
    public void publishRemoval(AccountId accountId) {
        // tombstone: compaction removes the account
        Sends.await(kafka.send(topics.accounts(), accountId.value(), null));
    }
}
