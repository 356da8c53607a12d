package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.MailboxFootprint;
import io.mailsync.sync.domain.FolderUsage;
import io.mailsync.sync.domain.StoredMessage;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Sizes, dates and folder totals from the messages collection ($match/$group/$sort: both servers have them). */
@Component
class MongoMailboxFootprint implements MailboxFootprint {

    private final MongoTemplate mongo;

    MongoMailboxFootprint(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<StoredMessage> largest(AccountId accountId, int limit) {
        Query query = Query.query(live(accountId)).with(Sort.by(Sort.Order.desc("size"), Sort.Order.asc("_id")))
                .limit(limit);
        return mongo.find(query, Document.class, MongoMessageLookup.COLLECTION).stream()
                .map(MongoMessageLookup::toMessage).toList();
    }

    @Override
    public List<StoredMessage> oldest(AccountId accountId, int limit) {
        Query query = Query.query(live(accountId).and("receivedAt").ne(null))
                .with(Sort.by(Sort.Order.asc("receivedAt"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(query, Document.class, MongoMessageLookup.COLLECTION).stream()
                .map(MongoMessageLookup::toMessage).toList();
    }

    @Override
    public List<FolderUsage> folders(AccountId accountId) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(live(accountId)),
                Aggregation.group("folder").count().as("messages").sum("size").as("bytes"),
                Aggregation.sort(Sort.by(Sort.Order.desc("bytes"), Sort.Order.asc("_id"))));
        return mongo.aggregate(aggregation, MongoMessageLookup.COLLECTION, Document.class).getMappedResults().stream()
                .map(doc -> new FolderUsage(String.valueOf(doc.get("_id")), Docs.longOr(doc, "messages", 0),
                        Docs.longOr(doc, "bytes", 0)))
                .toList();
    }

    private static Criteria live(AccountId accountId) {
        return Criteria.where("accountId").is(accountId.value()).and("destroyed").is(false);
    }
}
