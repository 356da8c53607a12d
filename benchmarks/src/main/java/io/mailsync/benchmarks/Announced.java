package io.mailsync.benchmarks;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageArrived;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the fetcher's MessageArrived per account as they reach Kafka, so P2 can say which half of the pipeline
 * (fetcher → Kafka, or Kafka → sync-service → API) the time goes to.
 */
final class Announced {

    private static final EventCodec CODEC = new EventCodec();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAt = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Thread reader;

    Announced(String kafka, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = Thread.ofPlatform().daemon().name("p2-announced").start(() -> {
            try (consumer) {
                while (running) {
                    for (var r : consumer.poll(Duration.ofMillis(100))) {
                        if (r.value() != null && r.value().contains("\"MessageArrived\"")
                                && CODEC.decode(r.value()) instanceof EventCodec.Decoded.Known k
                                && k.record() instanceof MessageArrived a) {
                            counts.computeIfAbsent(a.accountId(), x -> new AtomicInteger()).incrementAndGet();
                            long now = System.nanoTime();
                            lastAt.put(a.accountId(), now);
                            times.computeIfAbsent(a.accountId(), x -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(now);
                        }
                    }
                }
            }
        });
    }

    /** When (nanoTime) the {@code n}-th (0-based) MessageArrived of the account was read, or null. */
    Long at(String accountId, int n) {
        List<Long> list = times.get(accountId);
        return list == null || list.size() <= n ? null : list.get(n);
    }

    int count(String accountId) {
        AtomicInteger n = counts.get(accountId);
        return n == null ? 0 : n.get();
    }

    /** Stops reading; answers when {@code accountId}'s last announcement was read (nanoTime) if all came, else 0. */
    long close(String accountId, int messages) throws InterruptedException {
        running = false;
        reader.join(5000);
        return count(accountId) >= messages ? lastAt.getOrDefault(accountId, 0L) : 0L;
    }
}
