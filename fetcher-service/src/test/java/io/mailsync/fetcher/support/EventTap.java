package io.mailsync.fetcher.support;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MailEvent;
import io.mailsync.testkit.KafkaKit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every event on a topic from the beginning, in the background, for assertions. */
public final class EventTap implements AutoCloseable {

    private final List<MailEvent> events = new CopyOnWriteArrayList<>();
    private final EventCodec codec = new EventCodec();
    private final Thread reader;
    private volatile boolean closed;

    public EventTap(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaKit.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        // a topic created a moment ago may not be in this client's metadata yet (no partitions): assigning none made
        // poll() throw on the reader thread and the tap saw nothing (GreenMailImapIT, 2026-12-03)
        int count = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(topic).size(), n -> n > 0);
        List<TopicPartition> partitions = IntStream.range(0, count)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = Thread.ofPlatform().daemon().name("event-tap").start(() -> {
            try (consumer) {
                while (!closed) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        codec.decode(r.value(), MailEvent.class).ifPresent(events::add);
                    }
                }
            }
        });
    }

    public List<MailEvent> all() {
        return List.copyOf(events);
    }

    public <T extends MailEvent> List<T> of(Class<T> type, String accountId) {
        return events.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> e.accountId().value().equals(accountId)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.join(5000);
    }
}
