package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.MessageBatches;
import io.mailsync.sync.domain.MessageIds;
import io.mailsync.sync.domain.StoredMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Ingest's batches on {@link MongoMessageLookup}'s collection: each one round trip (two when a write lost). */
@Component
class MongoMessageBatches implements MessageBatches {

    private final MongoTemplate mongo;

    /**
     * The check every batch of arrivals makes ({@link #awaitingAppendAmong}) finds almost always nothing: only sent
     * copies and restored messages wait for their APPENDed copy, and not for long. A partial index holds just those,
     * so on MongoDB the check reads an (almost always empty) index instead of the account's messages. The MongoDB wire
     * server used in tests ignores it (it uses unique indexes only).
     */
    MongoMessageBatches(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(MongoMessageLookup.COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("awaitingAppend", Sort.Direction.ASC).named("awaiting_append")
                .partial(PartialIndexFilter.of(Criteria.where("awaitingAppend").is(true))));
    }

    @Override
    public Map<MessageLocator, StoredMessage> findByLocators(AccountId accountId, Collection<MessageLocator> locators) {
        if (locators.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageLocator> byKey = new HashMap<>();
        locators.forEach(locator -> byKey.put(locator.key(), locator));
        Query query = Query.query(Criteria.where("accountId").is(accountId.value())
                .and("locatorKey").in(byKey.keySet()));
        Map<MessageLocator, StoredMessage> found = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, MongoMessageLookup.COLLECTION)) {
            found.put(byKey.get(doc.getString("locatorKey")), MongoMessageLookup.toMessage(doc));
        }
        return found;
    }

    @Override
    public Map<MessageLocator, StoredMessage> findAtOwnLocations(AccountId accountId,
                                                                 Collection<MessageLocator> locators) {
        Map<String, MessageLocator> locatorById = new HashMap<>();
        for (MessageLocator locator : locators) {
            locatorById.put(MessageIds.of(accountId, locator.key()).value(), locator);
        }
        if (locatorById.isEmpty()) {
            return Map.of();
        }
        // by _id alone: the one index the MongoDB wire server uses with $in (it scans for a compound one)
        Query query = Query.query(Criteria.where("_id").in(locatorById.keySet()));
        Map<MessageLocator, StoredMessage> found = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, MongoMessageLookup.COLLECTION)) {
            MessageLocator at = locatorById.get(doc.getString("_id"));
            if (at.key().equals(doc.getString("locatorKey")) && accountId.value().equals(doc.getString("accountId"))) {
                found.put(at, MongoMessageLookup.toMessage(doc));
            }
        }
        return found;
    }

    @Override
    public Set<String> awaitingAppendAmong(AccountId accountId, Collection<String> messageIdHeaders) {
        if (messageIdHeaders.isEmpty() || !mongo.exists(Query.query(Criteria.where("accountId").is(accountId.value())
                .and("awaitingAppend").is(true)), MongoMessageLookup.COLLECTION)) {
            return Set.of(); // almost always: only sent copies and restores wait, and not for long
        }
        Query query = Query.query(Criteria.where("accountId").is(accountId.value())
                .and("messageIdHeader").in(messageIdHeaders)
                .and("awaitingAppend").is(true).and("destroyed").is(false));
        query.fields().include("messageIdHeader");
        Set<String> awaited = new HashSet<>();
        for (Document doc : mongo.find(query, Document.class, MongoMessageLookup.COLLECTION)) {
            awaited.add(doc.getString("messageIdHeader"));
        }
        return awaited;
    }

    @Override
    public Set<MessageId> insertAll(List<StoredMessage> messages) {
        if (messages.isEmpty()) {
            return Set.of();
        }
        List<InsertOneModel<Document>> inserts = messages.stream()
                .map(m -> new InsertOneModel<>(MongoMessageLookup.toDocument(m))).toList();
        Set<MessageId> taken = new HashSet<>();
        for (int index : Bulk.writeSkippingDuplicates(mongo.getCollection(MongoMessageLookup.COLLECTION), inserts)) {
            taken.add(messages.get(index).id());
        }
        return taken;
    }

    @Override
    public Set<MessageId> applyServerEvents(AccountId accountId, List<ServerEventWrite> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        for (ServerEventWrite w : writes) {
            if (w.keywords() == null) {
                List<Bson> maxes = new ArrayList<>();
                maxes.add(Updates.max("lastServerEventAt", date(w.at())));
                if (w.serverModSeq() != null) {
                    maxes.add(Updates.max("serverModSeq", w.serverModSeq()));
                }
                updates.add(new UpdateOneModel<>(Filters.eq("_id", w.messageId().value()), Updates.combine(maxes)));
            } else {
                List<Bson> sets = new ArrayList<>(List.of(
                        Updates.set("keywords", Docs.keywords(w.keywords())),
                        Updates.set("modseq", w.modseq().value()), Updates.set("lastServerEventAt", date(w.at()))));
                if (w.serverModSeq() != null) {
                    sets.add(Updates.set("serverModSeq", w.serverModSeq()));
                }
                updates.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", w.messageId().value()),
                        Filters.eq("modseq", w.expectedModseq().value())), Updates.combine(sets)));
            }
        }
        BulkWriteResult result = mongo.getCollection(MongoMessageLookup.COLLECTION).bulkWrite(updates,
                new BulkWriteOptions().ordered(false));
        if (result.getMatchedCount() >= writes.size()) {
            return Set.of();
        }
        // some conditional write did not match: find which (rare: a device changed the message meanwhile)
        Map<String, Long> wanted = new HashMap<>();
        writes.stream().filter(w -> w.keywords() != null)
                .forEach(w -> wanted.put(w.messageId().value(), w.modseq().value()));
        Query query = Query.query(Criteria.where("_id").in(wanted.keySet()));
        query.fields().include("modseq");
        Set<String> lost = new HashSet<>(wanted.keySet());
        for (Document doc : mongo.find(query, Document.class, MongoMessageLookup.COLLECTION)) {
            if (wanted.get(doc.getString("_id")) == Docs.longOr(doc, "modseq", 0)) {
                lost.remove(doc.getString("_id"));
            }
        }
        return lost.stream().map(MessageId::of).collect(Collectors.toSet());
    }
}
