package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.DeviceId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.sync.application.port.out.DraftStore;
import io.mailsync.sync.domain.Draft;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One document per draft, keyed by account and draft id; a new version is a compare-and-set on the message id. */
@Component
class MongoDraftStore implements DraftStore {

    static final String COLLECTION = "drafts";

    private final MongoTemplate mongo;

    MongoDraftStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean create(Draft draft) {
        try {
            mongo.insert(new Document("_id", key(draft.accountId().value(), draft.draftId()))
                    .append("accountId", draft.accountId().value()).append("draftId", draft.draftId())
                    .append("deviceId", draft.deviceId().value()).append("messageId", draft.messageId().value())
                    .append("version", draft.version()), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Draft> find(AccountId accountId, String draftId) {
        return Optional.ofNullable(mongo.findById(key(accountId.value(), draftId), Document.class, COLLECTION))
                .map(doc -> new Draft(AccountId.of(doc.getString("accountId")), doc.getString("draftId"),
                        DeviceId.of(doc.getString("deviceId")), MessageId.of(doc.getString("messageId")),
                        doc.getInteger("version")));
    }

    @Override
    public boolean advance(Draft current, MessageId newMessageId) {
        Query query = Query.query(Criteria.where("_id").is(key(current.accountId().value(), current.draftId()))
                .and("messageId").is(current.messageId().value()));
        return mongo.updateFirst(query, new Update().set("messageId", newMessageId.value())
                .set("version", current.version() + 1), COLLECTION).getMatchedCount() > 0;
    }

    @Override
    public void remove(AccountId accountId, String draftId) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(accountId.value(), draftId))), COLLECTION);
    }

    @Override
    public void deleteAccount(AccountId accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), COLLECTION);
    }

    private static String key(String accountId, String draftId) {
        return accountId + "/" + draftId;
    }
}
