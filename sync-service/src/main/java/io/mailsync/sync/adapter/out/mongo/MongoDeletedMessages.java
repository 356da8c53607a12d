package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.DeletedMessages;
import io.mailsync.sync.domain.DeletedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Deleted messages are destroyed message documents with a {@code deletedAt}; their bodies are in the content store. */
@Component
class MongoDeletedMessages implements DeletedMessages {

    private final MongoTemplate mongo;

    MongoDeletedMessages(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(MongoMessageLookup.COLLECTION).createIndex(new Index().on("destroyed", Sort.Direction.ASC)
                .on("deletedAt", Sort.Direction.ASC));
    }

    @Override
    public List<DeletedMessage> deletedSince(AccountId accountId, Instant since, int limit) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value()).and("destroyed").is(true)
                        .and("deletedAt").gte(date(since)).and("contentRef").ne(null).and("bodyPurged").ne(true))
                .with(Sort.by(Sort.Order.desc("deletedAt"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(query, Document.class, MongoMessageLookup.COLLECTION).stream()
                .map(MongoDeletedMessages::toDeleted).toList();
    }

    @Override
    public Optional<DeletedMessage> find(AccountId accountId, MessageId messageId) {
        return Optional.ofNullable(mongo.findById(messageId.value(), Document.class, MongoMessageLookup.COLLECTION))
                .filter(doc -> accountId.value().equals(doc.getString("accountId")))
                .filter(doc -> doc.getBoolean("destroyed", false) && doc.getDate("deletedAt") != null)
                .map(MongoDeletedMessages::toDeleted);
    }

    @Override
    public boolean revive(AccountId accountId, MessageId messageId, ModSeq expectedModseq, ModSeq modseq, Instant at,
                          boolean awaitingAppend) {
        Query query = Query.query(Criteria.where("_id").is(messageId.value()).and("modseq")
                .is(expectedModseq.value()));
        Update update = new Update().set("destroyed", false).set("modseq", modseq.value()).unset("deletedAt")
                .set("restoredAt", date(at)).set("awaitingAppend", awaitingAppend);
        if (!awaitingAppend) {
            update.set("deleteRequested", true); // POP3: mailsync keeps it; the server copy is not coming back
        }
        return mongo.updateFirst(query, update, MongoMessageLookup.COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public List<DeletedMessage> expiredBefore(Instant cutoff, int limit) {
        Query query = Query.query(Criteria.where("destroyed").is(true).and("deletedAt").lt(date(cutoff))
                .and("contentRef").ne(null).and("bodyPurged").ne(true)).limit(limit);
        return mongo.find(query, Document.class, MongoMessageLookup.COLLECTION).stream()
                .map(MongoDeletedMessages::toDeleted).toList();
    }

    @Override
    public void bodyPurged(AccountId accountId, MessageId messageId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(messageId.value())),
                new Update().set("bodyPurged", true).unset("contentRef"), MongoMessageLookup.COLLECTION);
    }

    private static DeletedMessage toDeleted(Document doc) {
        return new DeletedMessage(MongoMessageLookup.toMessage(doc), instant(doc, "deletedAt"),
                doc.getBoolean("bodyPurged", false));
    }
}
