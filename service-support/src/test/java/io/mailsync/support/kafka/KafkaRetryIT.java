package io.mailsync.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.events.MalformedRecordException;
import io.mailsync.events.TopicNames;
import io.mailsync.events.Topics;
import io.mailsync.testkit.KafkaKit;
import io.mailsync.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The shared policy on a real broker, as any service gets it by depending on service-support: a record that keeps
 * failing is retried {@code max-retries} times and lands on {@code <topic>.DLT} with the failure in its headers, a
 * malformed one at once, and the records behind them on the same partition are still consumed.
 */
class KafkaRetryIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class AnyService {
    }

    /** Fails on "poison", finds "malformed" unreadable, takes anything else. */
    static class Probe {
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final List<String> taken = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "probe", topics = "#{@topicNames.events()}", groupId = "#{@consumerGroups.named('probe')}")
        void on(String value) {
            deliveries.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
            switch (value) {
                case "poison" -> throw new IllegalStateException("cannot apply this one");
                case "malformed" -> throw new MalformedRecordException("not an event", null);
                default -> taken.add(value);
            }
        }
    }

    @Test
    void aPoisonRecordIsRetriedThenDeadLetteredAndThePartitionMovesOn() {
        TopicNames topics = KafkaKit.newNamespace();
        try (ConfigurableApplicationContext service = start(topics)) {
            KafkaTemplate<String, String> template = kafkaTemplate(service);
            template.send(topics.events(), 0, "k", "poison");
            template.send(topics.events(), 0, "k", "malformed");
            template.send(topics.events(), 0, "k", "fine");

            Probe probe = service.getBean(Probe.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(probe.taken).containsExactly("fine"));
            assertThat(probe.deliveries.get("poison")).hasValue(1 + 2);
            assertThat(probe.deliveries.get("malformed")).hasValue(1);

            List<ConsumerRecord<String, String>> dead = TopicReader.await(Topics.deadLetter(topics.events()), r -> true,
                    2, Duration.ofSeconds(30));
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("poison", "malformed");
            assertThat(dead).allSatisfy(r -> assertThat(r.partition()).isZero());
            assertThat(TopicReader.deadLetterReason(dead.get(0))).contains("cannot apply this one");
        }
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, String> kafkaTemplate(ConfigurableApplicationContext service) {
        return service.getBean(KafkaTemplate.class);
    }

    private static ConfigurableApplicationContext start(TopicNames topics) {
        return new SpringApplicationBuilder(AnyService.class).run(
                "--spring.main.web-application-type=none",
                "--spring.kafka.bootstrap-servers=" + KafkaKit.bootstrapServers(),
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                "--spring.kafka.consumer.key-deserializer=" + StringDeserializer.class.getName(),
                "--spring.kafka.consumer.value-deserializer=" + StringDeserializer.class.getName(),
                "--spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                "--spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer",
                "--mailsync.kafka.namespace=" + topics.namespace(),
                "--mailsync.kafka.group-suffix=-" + topics.namespace(),
                "--mailsync.kafka.retry.max-retries=2",
                "--mailsync.security.api.enabled=false");
    }
}
