package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import com.mongodb.client.model.InsertOneModel;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.domain.ChangeEntry;
import io.mailsync.sync.domain.ChangeKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** One document per (account, modseq). */
@Component
class MongoChangeLog implements ChangeLog {

    static final String COLLECTION = "changes";

    private final MongoTemplate mongo;

    MongoChangeLog(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("modseq", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC));
    }

    @Override
    public void append(AccountId accountId, ChangeEntry entry) {
        try {
            mongo.insert(toDocument(accountId, entry), COLLECTION);
        } catch (DuplicateKeyException alreadyLogged) {
            // modseqs are never handed out twice; a duplicate is a retried write of the same entry
        }
    }

    /** One unordered bulk insert; as in {@link #append}, an entry already logged is a retried write and is skipped. */
    @Override
    public void appendAll(AccountId accountId, List<ChangeEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<InsertOneModel<Document>> inserts = entries.stream()
                .map(entry -> new InsertOneModel<>(toDocument(accountId, entry))).toList();
        Bulk.writeSkippingDuplicates(mongo.getCollection(COLLECTION), inserts);
    }

    private static Document toDocument(AccountId accountId, ChangeEntry entry) {
        return new Document("_id", accountId.value() + ":" + entry.modseq())
                .append("accountId", accountId.value())
                .append("modseq", entry.modseq())
                .append("messageId", entry.messageId())
                .append("kind", entry.kind().name())
                .append("at", date(entry.at()))
                .append("person", entry.person())
                .append("device", entry.device())
                .append("personal", entry.personal() ? true : null);
    }

    @Override
    public List<ChangeEntry> read(AccountId accountId, ModSeq after, ModSeq upTo, int limit) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value()).and("modseq").gt(after.value())
                        .lte(upTo.value()))
                .with(Sort.by(Sort.Direction.ASC, "modseq")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoChangeLog::toEntry).toList();
    }

    @Override
    public Optional<ChangeEntry> firstAfter(AccountId accountId, ModSeq modseq) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value()).and("modseq").gt(modseq.value()))
                .with(Sort.by(Sort.Direction.ASC, "modseq")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoChangeLog::toEntry);
    }

    @Override
    public Map<AccountId, ModSeq> highestOlderThan(Instant cutoff) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("at").lt(date(cutoff))),
                Aggregation.group("accountId").max("modseq").as("highest"));
        Map<AccountId, ModSeq> highest = new HashMap<>();
        for (Document doc : mongo.aggregate(aggregation, COLLECTION, Document.class)) {
            highest.put(AccountId.of(doc.getString("_id")), ModSeq.of(Docs.longOr(doc, "highest", 0)));
        }
        return highest;
    }

    @Override
    public void deleteThrough(AccountId accountId, ModSeq modseq) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value()).and("modseq").lte(modseq.value())),
                COLLECTION);
    }

    @Override
    public void deleteAccount(AccountId accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), COLLECTION);
    }

    private static ChangeEntry toEntry(Document doc) {
        return new ChangeEntry(Docs.longOr(doc, "modseq", 0), doc.getString("messageId"),
                ChangeKind.valueOf(doc.getString("kind")), instant(doc, "at"), doc.getString("person"),
                doc.getString("device"), doc.getBoolean("personal", false));
    }
}
