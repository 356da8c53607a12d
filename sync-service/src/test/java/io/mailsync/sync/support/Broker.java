package io.mailsync.sync.support;

import io.mailsync.events.EventCodec;
import io.mailsync.events.WireRecord;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The real broker from the test's side: publishes what a fetcher would, and reads what the service published. */
public final class Broker {

    private static KafkaProducer<String, String> producer;
    private static final EventCodec CODEC = new EventCodec();

    private Broker() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaKit.bootstrapServers(),
                    "linger.ms", 0, "acks", "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    public static void publish(String topic, WireRecord record) {
        publishRaw(topic, record.accountId().value(), CODEC.encode(record));
    }

    /** Sends many records and waits once for all of them (a fetcher's burst). */
    public static void publishAll(String topic, List<? extends WireRecord> records) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (WireRecord record : records) {
            sent.add(producer().send(new ProducerRecord<>(topic, record.accountId().value(), CODEC.encode(record))));
        }
        producer().flush();
        for (java.util.concurrent.Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void publishRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a record on {@code topic} matching {@code match}, reading the topic from the beginning. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                       Duration timeout) {
        return awaitAll(topic, match, 1, timeout).getFirst();
    }

    public static List<ConsumerRecord<String, String>> awaitAll(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        return TopicReader.await(topic, match, count, timeout);
    }

    /** Everything on {@code topic} matching {@code match} now (reads to the current end). */
    public static List<ConsumerRecord<String, String>> readAll(String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        return TopicReader.readAll(topic, match);
    }

    public static <T extends WireRecord> Optional<T> decode(ConsumerRecord<String, String> record, Class<T> type) {
        return record.value() == null ? Optional.empty() : CODEC.decode(record.value(), type);
    }
}
