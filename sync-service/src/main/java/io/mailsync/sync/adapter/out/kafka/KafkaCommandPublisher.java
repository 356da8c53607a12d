package io.mailsync.sync.adapter.out.kafka;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MailCommand;
import io.mailsync.events.TopicNames;
import io.mailsync.sync.application.port.out.CommandPublisher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

@Component
class KafkaCommandPublisher implements CommandPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final TopicNames topics;
    private final EventCodec codec;

    KafkaCommandPublisher(KafkaTemplate<String, String> kafka, TopicNames topics, EventCodec codec) {
        this.kafka = kafka;
        this.topics = topics;
        this.codec = codec;
    }

    @Override
    public void send(MailCommand command) {
        Sends.await(kafka.send(topics.commands(), command.accountId().value(), codec.encode(command)));
    }

    @Override
    public CompletionStage<Void> dispatch(MailCommand command) {
        try {
            return kafka.send(topics.commands(), command.accountId().value(), codec.encode(command))
                    .thenApply(sent -> null);
        } catch (RuntimeException e) { // the producer refuses at once (no metadata within max.block.ms, closed)
            return CompletableFuture.failedFuture(e);
        }
    }
}
