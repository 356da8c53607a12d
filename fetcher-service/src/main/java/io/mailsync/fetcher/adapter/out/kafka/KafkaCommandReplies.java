package io.mailsync.fetcher.adapter.out.kafka;

import io.mailsync.events.CommandReply;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.fetcher.application.port.out.CommandReplies;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Answers on {@code mail.replies}, keyed by account like every record (issue 20). */
@Component
class KafkaCommandReplies implements CommandReplies {

    private static final long ACK_SECONDS = 10;

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final String topic;

    KafkaCommandReplies(KafkaTemplate<String, String> kafka, EventCodec codec, TopicNames topics) {
        this.kafka = kafka;
        this.codec = codec;
        this.topic = topics.replies();
    }

    @Override
    public void reply(CommandReply reply) {
        try {
            kafka.send(topic, reply.accountId().value(), codec.encode(reply)).get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("answer not acknowledged on " + topic + ": " + e.getMessage(), e);
        }
    }
}
