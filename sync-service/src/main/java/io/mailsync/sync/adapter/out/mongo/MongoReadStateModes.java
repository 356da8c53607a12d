package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.ReadStateModes;
import io.mailsync.sync.domain.ReadStateMode;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The mode as a field of the account document ({@code readState}); absent means shared, as before issue 23. */
@Component
class MongoReadStateModes implements ReadStateModes {

    private static final String FIELD = "readState";

    private final MongoTemplate mongo;

    MongoReadStateModes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ReadStateMode modeOf(AccountId accountId) {
        Query query = byId(accountId);
        query.fields().include(FIELD);
        Document doc = mongo.findOne(query, Document.class, MongoAccountStore.COLLECTION);
        return doc == null ? ReadStateMode.SHARED
                : ReadStateMode.ofWireName(doc.getString(FIELD)).orElse(ReadStateMode.SHARED);
    }

    @Override
    public boolean choose(AccountId accountId, ReadStateMode mode) {
        return mongo.updateFirst(byId(accountId), new Update().set(FIELD, mode.wireName()),
                MongoAccountStore.COLLECTION).getMatchedCount() == 1;
    }

    private static Query byId(AccountId accountId) {
        return Query.query(Criteria.where("_id").is(accountId.value()));
    }
}
