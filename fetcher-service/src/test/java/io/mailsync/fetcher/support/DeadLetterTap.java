package io.mailsync.fetcher.support;

import io.mailsync.testkit.KafkaKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a dead-letter topic from the beginning. */
public final class DeadLetterTap implements AutoCloseable {

    public record Letter(String key, String value, String reason) {
    }

    private final KafkaConsumer<String, String> consumer;

    public DeadLetterTap(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaKit.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(topic).size())
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls for a while and returns the letter with this key, if any. */
    public Optional<Letter> find(String key) {
        Instant until = Instant.now().plusMillis(500);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                if (key.equals(r.key())) {
                    Header reason = r.headers().lastHeader("kafka_dlt-exception-message");
                    return Optional.of(new Letter(r.key(), r.value(),
                            reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
