package io.mailsync.quota;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static io.mailsync.testkit.builders.MailboxUsageSampledBuilder.aMailboxUsageSample;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MailboxUsageSampled;
import io.mailsync.events.Origin;
import io.mailsync.events.QuotaAlert;
import io.mailsync.events.TopicNames;
import io.mailsync.events.WireRecord;
import io.mailsync.testkit.KafkaKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real producer onto the test's topics and a real consumer of {@code quota.alerts}, as other services use them. */
final class Wire implements AutoCloseable {

    static final long GIB = 1L << 30;

    private final EventCodec codec = new EventCodec();
    private final TopicNames topics;
    private final KafkaProducer<String, String> producer;
    private final List<ConsumerRecord<String, String>> alerts = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    Wire(TopicNames topics) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaKit.bootstrapServers(),
                "linger.ms", 0, "acks", "all"), new StringSerializer(), new StringSerializer());
        this.reader = Thread.ofPlatform().daemon().name("alerts-reader").start(this::readAlerts);
    }

    private void readAlerts() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                KafkaKit.bootstrapServers(), "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topics.quotaAlerts()));
            while (open) {
                consumer.poll(Duration.ofMillis(200)).forEach(alerts::add);
            }
        }
    }

    void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void publish(WireRecord record) {
        send(record instanceof AccountSpec ? topics.accounts() : topics.events(), record.accountId().value(),
                codec.encode(record));
    }

    void account(String accountId, String customerId, String contact, Long limitBytes, Long limitMessages) {
        publish(anAccountSpec().forAccount(accountId).ofCustomer(customerId).withContactAddress(contact)
                .withQuotaLimit(limitBytes, limitMessages).build());
    }

    /** A sample with no limit reported by the server: the provisioned limit applies. */
    static MailboxUsageSampled sample(String accountId, double percentOfGib, Instant at) {
        return aMailboxUsageSample().forAccount(accountId).occurredAt(at).causedBy(Origin.session("it"))
                .using(Math.round(percentOfGib * GIB / 100)).build();
    }

    void usage(String accountId, double percentOfGib, Instant at) {
        publish(sample(accountId, percentOfGib, at));
    }

    List<QuotaAlert> alertsFor(String accountId) {
        return alerts.stream().filter(r -> accountId.equals(r.key()))
                .map(r -> codec.decode(r.value(), QuotaAlert.class).orElseThrow()).toList();
    }

    @Override
    public void close() {
        open = false;
        producer.close();
    }
}
