package io.mailsync.testkit;

import io.mailsync.events.EventCodec;
import io.mailsync.events.WireRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads everything one account has on a topic so far, decoded — what another channel's consumer would see. */
public final class TopicReader {

    private static final EventCodec CODEC = new EventCodec();

    private TopicReader() {
    }

    public static <T extends WireRecord> List<T> read(String topic, String accountId, Class<T> type) {
        List<T> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", KafkaKit.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (accountId.equals(r.key()) && r.value() != null) {
                        CODEC.decode(r.value(), type).ifPresent(found::add);
                    }
                });
            }
        }
        return found;
    }
}
