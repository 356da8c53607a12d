package io.mailsync.benchmarks.idle;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** MessageArrived on the namespace's events topic, by account, with the time (epoch micros) it was read. */
final class ArrivedEvents implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    ArrivedEvents(String kafka, TopicNames topics) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topics.events()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = Thread.ofPlatform().daemon().name("p3-events").start(this::read);
    }

    private void read() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(50));
            long now = NioImapServer.micros();
            for (var r : records) {
                if (r.value() != null && r.value().contains("\"MessageArrived\"")
                        && CODEC.decode(r.value()) instanceof EventCodec.Decoded.Known k
                        && k.record() instanceof MessageArrived arrived) {
                    this.arrived.putIfAbsent(arrived.accountId().value(), now);
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5000);
    }
}
