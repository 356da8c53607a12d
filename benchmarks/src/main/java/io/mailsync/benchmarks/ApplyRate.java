package io.mailsync.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.GreenMailKit.MailUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * P4: MessageArrived events written to {@code mail.events} until sync-service has applied them to MongoDB, beside a
 * bare Kafka consumer doing the same writes (message upsert, change-log entry, account counter) as bulk writes on
 * the same MongoDB wire server.
 */
final class ApplyRate {

    static final String TARGET = ">= 0.5 x baseline and >= 10,000 events/s";
    private static final int ACCOUNTS = 8;
    private static final EventCodec CODEC = new EventCodec();

    private ApplyRate() {
    }

    static Figure run(Stack stack, int events, Duration budget) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            MailUser user = stack.dovecot.newUser("p4", null);
            accounts.add(stack.registerImap("p4-" + UUID.randomUUID(),
                    user.login(), user.password()));
        }
        MeterRegistry meters = stack.system.context("sync-service").getBean(MeterRegistry.class);
        double before = consumed(meters);

        long started = System.nanoTime();
        produce(stack, accounts, events);
        double produceSeconds = Stats.ms(System.nanoTime() - started) / 1000;
        long deadline = started + budget.toNanos();
        while (consumed(meters) - before < events && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double applied = consumed(meters) - before;
        double seconds = Stats.ms(System.nanoTime() - started) / 1000;
        double rate = applied / seconds;
        long stored;
        try (MongoClient mongo = MongoClients.create(stack.mongo)) {
            stored = mongo.getDatabase(stack.syncDatabase()).getCollection("messages")
                    .countDocuments(Filters.in("accountId", accounts));
        }

        Baseline bare = baseline(stack, Set.copyOf(accounts), events, budget);
        double ratio = rate / bare.rate;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("events", events);
        details.put("applied", applied);
        details.put("stored_messages", stored);
        details.put("seconds", seconds);
        details.put("produce_seconds", produceSeconds);
        details.put("baseline_events", bare.count);
        details.put("baseline_seconds", bare.seconds);
        String note = String.format("%.0f of %d applied (%d stored) in %.1f s, produced in %.1f s; bare consumer %d in %.1f s",
                applied, events, stored, seconds, produceSeconds, bare.count, bare.seconds);
        return new Figure("P4", "sync-service apply rate (mail.events -> MongoDB)", "events/s", rate, bare.rate,
                "bare Kafka consumer, same upserts as bulk writes", ratio, TARGET,
                applied >= events && ratio >= 0.5 && rate >= 10_000, note, details);
    }

    private static double consumed(MeterRegistry meters) {
        return meters.find("mailsync.sync.events.consumed").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void produce(Stack stack, List<String> accounts, int events) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        p.put("batch.size", String.valueOf(256 * 1024));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            Instant now = Instant.now();
            for (int i = 0; i < events; i++) {
                String account = accounts.get(i % accounts.size());
                long uid = 1_000_000L + i / accounts.size();
                MessageArrived event = new MessageArrived(UUID.randomUUID(), now, AccountId.of(account),
                        Origin.session("p4"),
                        MessageLocator.imap("INBOX", 1, uid), uid, "<p4-" + i + "@bench.test>",
                        List.of("ann@sender.test"), List.of("user@example.test"), List.of(), "P4 #" + i, now, now,
                        1000 + i % 5000, Set.of(), null, false);
                producer.send(new ProducerRecord<>(stack.topics.events(), account, CODEC.encode(event)));
            }
            producer.flush();
        }
    }

    private record Baseline(int count, double seconds, double rate) {
    }

    /** Reads the same events from the start of the topic and writes them as unordered bulk writes. */
    private static Baseline baseline(Stack stack, Set<String> accounts, int events, Duration budget) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka);
        p.put("group.id", "p4-baseline-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "500");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (MongoClient client = MongoClients.create(stack.mongo);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            MongoDatabase db = client.getDatabase("bench-" + stack.unique + "-baseline");
            var messages = db.getCollection("messages");
            var changes = db.getCollection("changes");
            var counters = db.getCollection("account_counters");
            BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            consumer.subscribe(List.of(stack.topics.events()));
            int count = 0;
            long first = 0;
            long deadline = System.nanoTime() + budget.toNanos();
            while (count < events && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                if (first == 0) {
                    first = System.nanoTime();
                }
                List<WriteModel<Document>> messageWrites = new ArrayList<>();
                List<WriteModel<Document>> changeWrites = new ArrayList<>();
                Map<String, Integer> perAccount = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    if (record.value() == null || !accounts.contains(record.key())) {
                        continue;
                    }
                    if (!(CODEC.decode(record.value()) instanceof EventCodec.Decoded.Known known)
                            || !(known.record() instanceof MessageArrived e)) {
                        continue;
                    }
                    String id = e.accountId() + ":" + e.locator().key();
                    int seq = perAccount.merge(e.accountId().value(), 1, Integer::sum);
                    messageWrites.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                            Updates.setOnInsert("accountId", e.accountId()),
                            Updates.setOnInsert("folder", e.locator().folder()),
                            Updates.setOnInsert("uidValidity", e.locator().uidValidity()),
                            Updates.setOnInsert("uid", e.locator().uid()),
                            Updates.setOnInsert("messageIdHeader", e.messageIdHeader()),
                            Updates.setOnInsert("from", e.from()), Updates.setOnInsert("to", e.to()),
                            Updates.setOnInsert("subject", e.subject()), Updates.setOnInsert("sentAt", e.sentAt()),
                            Updates.setOnInsert("size", e.size()), Updates.setOnInsert("keywords", List.of())),
                            upsert));
                    changeWrites.add(new InsertOneModel<>(new Document("_id", id + ":" + record.offset() + ":" + seq)
                            .append("accountId", e.accountId().value()).append("messageId", id).append("kind",
                            "CREATED")));
                    count++;
                }
                if (!messageWrites.isEmpty()) {
                    List<WriteModel<Document>> counterWrites = new ArrayList<>();
                    perAccount.forEach((account, n) -> counterWrites.add(new UpdateOneModel<>(Filters.eq("_id", account),
                            Updates.inc("modseq", n), upsert)));
                    counters.bulkWrite(counterWrites, unordered);
                    changes.bulkWrite(changeWrites, unordered);
                    messages.bulkWrite(messageWrites, unordered);
                }
                consumer.commitSync();
            }
            double seconds = first == 0 ? Double.NaN : Stats.ms(System.nanoTime() - first) / 1000;
            return new Baseline(count, seconds, count / seconds);
        }
    }
}
