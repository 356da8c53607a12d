package io.mailsync.fetcher.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per account in the fetchers' shared database: {@code $inc} in a single findAndModify is the
 * compare-and-set that makes epochs monotonic across every fetcher. Kept when an account is removed, so a
 * re-registered account never reuses an epoch.
 */
@Component
class MongoOwnerEpochs implements OwnerEpochs {

    static final String EPOCHS = "owner_epochs";

    private final MongoTemplate mongo;

    MongoOwnerEpochs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long take(AccountId accountId, String owner) {
        Document taken = mongo.findAndModify(byId(accountId),
                new Update().inc("epoch", 1L).set("owner", owner).set("takenAt", Instant.now()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, EPOCHS);
        if (taken == null) {
            throw new IllegalStateException("no owner epoch taken for account " + accountId);
        }
        return taken.get("epoch", Number.class).longValue();
    }

    @Override
    public boolean holds(AccountId accountId, long epoch) {
        Document current = mongo.findById(accountId.value(), Document.class, EPOCHS);
        return current != null && current.get("epoch", Number.class).longValue() == epoch;
    }

    private static Query byId(AccountId accountId) {
        return Query.query(Criteria.where("_id").is(accountId.value()));
    }
}
