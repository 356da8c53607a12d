package io.mailsync.testkit;

import io.mailsync.events.EventCodec;
import io.mailsync.events.WireRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as a test checks what a service published or dead-lettered: everything so far, or
 * waiting until enough has come. Each call reads with a consumer of its own, assigned every partition (no group, so no
 * rebalance to wait for and no offsets left behind).
 */
public final class TopicReader {

    /** The header Spring Kafka's dead-letter publisher puts the failure's message in. */
    private static final String DEAD_LETTER_REASON = "kafka_dlt-exception-message";
    private static final EventCodec CODEC = new EventCodec();

    private TopicReader() {
    }

    /** Everything one account has on a topic so far, decoded — what another channel's consumer would see. */
    public static <T extends WireRecord> List<T> read(String topic, String accountId, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (ConsumerRecord<String, String> r : readAll(topic, r -> accountId.equals(r.key()) && r.value() != null)) {
            CODEC.decode(r.value(), type).ifPresent(found::add);
        }
        return found;
    }

    /** Every record on {@code topic} up to its current end that {@code match} accepts, in order per partition. */
    public static List<ConsumerRecord<String, String>> readAll(String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            List<TopicPartition> partitions = List.copyOf(consumer.assignment());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    /**
     * The records on {@code topic} that {@code match} accepts, once there are at least {@code count} of them (all read
     * by then: there may be more), waiting up to {@code within} for them to come; fails the test otherwise.
     */
    public static List<ConsumerRecord<String, String>> await(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration within) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            long deadline = System.nanoTime() + within.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        if (found.size() < count) {
            throw new AssertionError("found " + found.size() + " of " + count + " matching records on " + topic
                    + " within " + within);
        }
        return found;
    }

    /** Why a dead-lettered record failed, as its dead-letter publisher wrote it ("" where it did not). */
    public static String deadLetterReason(ConsumerRecord<String, String> record) {
        Header reason = record.headers().lastHeader(DEAD_LETTER_REASON);
        return reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> fromTheBeginning(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                KafkaKit.bootstrapServers(), "enable.auto.commit", false), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
