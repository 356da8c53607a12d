package io.mailsync.devstack;

import io.mailsync.events.TopicNames;
import io.mailsync.testkit.KafkaKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Re-publishes an account's events as they were — what a producer retry or a consumer rewind does. */
final class EventReplay {

    private EventReplay() {
    }

    static int replayAll(TopicNames topics, String accountId) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Map<String, Object> consumerConfig = Map.of("bootstrap.servers", KafkaKit.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.events()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (accountId.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", KafkaKit.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            records.forEach(r -> producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value())));
            producer.flush();
        }
        return records.size();
    }
}
