package io.mailsync.gateway;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.AccountStateAdvanced;
import io.mailsync.events.EventCodec;
import io.mailsync.events.TopicNames;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.KafkaKit;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes what sync-service would write, to the real broker: account registrations, removals, state changes. */
public final class Broker implements AutoCloseable {

    private final TopicNames names;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, String> producer;

    public Broker(TopicNames names) {
        this.names = names;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaKit.bootstrapServers(),
                "linger.ms", 0), new StringSerializer(), new StringSerializer());
    }

    public void accountRegistered(String accountId, String customerId) {
        AccountSpec spec = anAccountSpec().forAccount(accountId).ofCustomer(customerId).build();
        send(names.accounts(), accountId, codec.encode(spec));
    }

    /** The account's spec as sync-service publishes it after a grant or a revocation (issue 23). */
    public void accountSpec(AccountSpec spec) {
        send(names.accounts(), spec.accountId().value(), codec.encode(spec));
    }

    public void accountRemoved(String accountId) {
        send(names.accounts(), accountId, null);
    }

    public void stateAdvanced(String accountId, String state) {
        send(names.state(), accountId, codec.encode(new AccountStateAdvanced(AccountId.of(accountId), state,
                Instant.now())));
    }

    public void raw(String topic, String key, String value) {
        send(topic, key, value);
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
