package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.FetchedBodies;
import io.mailsync.sync.domain.FetchedBody;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** One document per message whose body was fetched on demand, keyed by account and message id (issue 20). */
@Component
class MongoFetchedBodies implements FetchedBodies {

    static final String COLLECTION = "fetched_bodies";

    private final MongoTemplate mongo;

    MongoFetchedBodies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<FetchedBody> find(AccountId accountId, MessageId messageId) {
        return Optional.ofNullable(mongo.findById(key(accountId, messageId), Document.class, COLLECTION))
                .map(MongoFetchedBodies::body);
    }

    @Override
    public FetchedBody keep(FetchedBody body) {
        try {
            mongo.insert(new Document("_id", key(body.accountId(), body.messageId()))
                    .append("accountId", body.accountId().value()).append("messageId", body.messageId().value())
                    .append("contentRef", body.contentRef()).append("size", body.size())
                    .append("keepUntil", Date.from(body.keepUntil())), COLLECTION);
            return body;
        } catch (DuplicateKeyException kept) {
            return find(body.accountId(), body.messageId()).orElse(body);
        }
    }

    @Override
    public List<FetchedBody> expiredBefore(Instant now, int limit) {
        Query query = Query.query(Criteria.where("keepUntil").lt(Date.from(now)))
                .with(Sort.by("keepUntil")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoFetchedBodies::body).toList();
    }

    @Override
    public void forget(FetchedBody body) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(body.accountId(), body.messageId()))
                .and("contentRef").is(body.contentRef())), COLLECTION);
    }

    private static FetchedBody body(Document doc) {
        return new FetchedBody(AccountId.of(doc.getString("accountId")), MessageId.of(doc.getString("messageId")),
                doc.getString("contentRef"), ((Number) doc.get("size")).longValue(),
                doc.getDate("keepUntil").toInstant());
    }

    private static String key(AccountId accountId, MessageId messageId) {
        return accountId.value() + "/" + messageId.value();
    }
}
