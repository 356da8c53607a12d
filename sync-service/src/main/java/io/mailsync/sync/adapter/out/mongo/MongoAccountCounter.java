package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.domain.SyncState;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One document per account, advanced only by single-document atomic updates ($inc through findOneAndUpdate). */
@Component
class MongoAccountCounter implements AccountCounter {

    static final String COLLECTION = "account_counters";

    private final MongoTemplate mongo;

    MongoAccountCounter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Snapshot current(AccountId accountId) {
        Document doc = mongo.findById(accountId.value(), Document.class, COLLECTION);
        if (doc == null) {
            return new Snapshot(new SyncState(1, 0), 0);
        }
        return new Snapshot(state(doc), Docs.longOr(doc, "prunedThrough", 0));
    }

    @Override
    public SyncState next(AccountId accountId) {
        return reserve(accountId, 1);
    }

    @Override
    public SyncState reserve(AccountId accountId, int count) {
        Document doc = mongo.findAndModify(byId(accountId),
                new Update().inc("modseq", (long) count).setOnInsert("epoch", 1L).setOnInsert("prunedThrough", 0L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return state(doc);
    }

    @Override
    public Optional<SyncState> newEpoch(AccountId accountId, String resetKey) {
        ensureExists(accountId);
        Query notYetApplied = Query.query(Criteria.where("_id").is(accountId.value()).and("resets").ne(resetKey));
        Document doc = mongo.findAndModify(notYetApplied,
                new Update().inc("epoch", 1L).addToSet("resets", resetKey),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(MongoAccountCounter::state);
    }

    @Override
    public void prunedThrough(AccountId accountId, ModSeq modseq) {
        mongo.updateFirst(byId(accountId), new Update().max("prunedThrough", modseq.value()), COLLECTION);
    }

    @Override
    public void delete(AccountId accountId) {
        mongo.remove(byId(accountId), COLLECTION);
    }

    private void ensureExists(AccountId accountId) {
        mongo.upsert(byId(accountId), new Update().setOnInsert("epoch", 1L).setOnInsert("modseq", 0L)
                .setOnInsert("prunedThrough", 0L), COLLECTION);
    }

    private static Query byId(AccountId accountId) {
        return Query.query(Criteria.where("_id").is(accountId.value()));
    }

    private static SyncState state(Document doc) {
        return new SyncState(Docs.longOr(doc, "epoch", 1), Docs.longOr(doc, "modseq", 0));
    }
}
