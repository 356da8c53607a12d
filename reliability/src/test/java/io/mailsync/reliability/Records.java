package io.mailsync.reliability;

import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.TopicReader;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a topic as it stands, and writes raw records to it — what a broken or hostile producer would. */
final class Records {

    private Records() {
    }

    /** Every record now in {@code topic}, from the beginning to the current end. */
    static List<ConsumerRecord<String, String>> all(String topic) {
        return TopicReader.readAll(topic, r -> true);
    }

    static List<ConsumerRecord<String, String>> of(String topic, String accountId) {
        return all(topic).stream().filter(r -> accountId.equals(r.key())).toList();
    }

    static void send(String topic, String key, String value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                KafkaKit.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    /** The value of a header as text, or null. */
    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
