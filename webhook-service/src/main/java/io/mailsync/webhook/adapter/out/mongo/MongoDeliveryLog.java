package io.mailsync.webhook.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.DeliveryLogEntry;
import io.mailsync.webhook.domain.DeliveryStatus;
import io.mailsync.webhook.domain.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One document per subscription and event id ({@code _id = <subscriptionId>|<eventId>}), upserted by every attempt:
 * the delivery itself (for a redeliver), where it stands, how many attempts it took and what the last one met.
 */
@Component
class MongoDeliveryLog implements DeliveryLog {

    private final MongoCollection<Document> log;

    MongoDeliveryLog(MongoTemplate mongo,
                     @Value("${mailsync.webhooks.log-retention:P30D}") Duration retention) {
        this.log = mongo.getCollection("deliveries");
        log.createIndex(Indexes.compoundIndex(Indexes.ascending("subscriptionId"), Indexes.descending("updatedAt")));
        // MongoDB removes an entry this long after its last change; by then its DLT record is gone too
        log.createIndex(Indexes.ascending("updatedAt"),
                new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public void attempted(Delivery delivery, Instant at, SendOutcome outcome) {
        upsert(delivery, Updates.combine(
                Updates.set("status", (outcome.delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILING).name()),
                Updates.set("lastAttemptAt", Date.from(at)),
                Updates.set("lastStatusCode", outcome.statusCode()),
                Updates.set("lastError", outcome.error()),
                Updates.set("updatedAt", Date.from(at)),
                Updates.inc("attempts", 1)));
    }

    @Override
    public void parked(Delivery delivery, Instant at) {
        upsert(delivery, Updates.combine(Updates.set("status", DeliveryStatus.PARKED.name()),
                Updates.set("updatedAt", Date.from(at))));
    }

    @Override
    public void requeued(Delivery delivery, Instant at) {
        upsert(delivery, Updates.combine(Updates.set("status", DeliveryStatus.QUEUED.name()),
                Updates.set("updatedAt", Date.from(at))));
    }

    private void upsert(Delivery d, Bson changes) {
        Bson onInsert = Updates.combine(
                Updates.setOnInsert("subscriptionId", d.subscriptionId()),
                Updates.setOnInsert("eventId", d.eventId()),
                Updates.setOnInsert("type", d.type()),
                Updates.setOnInsert("accountId", d.accountId().value()),
                Updates.setOnInsert("occurredAt", Date.from(d.occurredAt())),
                Updates.setOnInsert("data", new Document(new HashMap<>(d.data()))));
        log.updateOne(Filters.eq("_id", id(d.subscriptionId(), d.eventId())), Updates.combine(onInsert, changes),
                new UpdateOptions().upsert(true));
    }

    @Override
    public Optional<DeliveryLogEntry> find(String subscriptionId, String eventId) {
        return Optional.ofNullable(log.find(Filters.eq("_id", id(subscriptionId, eventId))).first())
                .map(MongoDeliveryLog::entry);
    }

    @Override
    public List<DeliveryLogEntry> recent(String subscriptionId, int limit) {
        List<DeliveryLogEntry> entries = new ArrayList<>();
        log.find(Filters.eq("subscriptionId", subscriptionId)).sort(Sorts.descending("updatedAt", "_id")).limit(limit)
                .forEach(doc -> entries.add(entry(doc)));
        return entries;
    }

    private static String id(String subscriptionId, String eventId) {
        return subscriptionId + "|" + eventId;
    }

    private static DeliveryLogEntry entry(Document doc) {
        Map<String, String> data = new HashMap<>();
        doc.get("data", Document.class).forEach((k, v) -> data.put(k, String.valueOf(v)));
        Delivery delivery = new Delivery(doc.getString("subscriptionId"), doc.getString("eventId"),
                doc.getString("type"), AccountId.of(doc.getString("accountId")), doc.getDate("occurredAt").toInstant(),
                data, false);
        Date last = doc.getDate("lastAttemptAt");
        return new DeliveryLogEntry(delivery, DeliveryStatus.valueOf(doc.getString("status")),
                doc.getInteger("attempts", 0), last == null ? null : last.toInstant(),
                doc.getInteger("lastStatusCode", 0), doc.getString("lastError"));
    }
}
