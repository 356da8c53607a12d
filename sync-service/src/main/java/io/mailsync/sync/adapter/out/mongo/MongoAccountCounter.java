package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per account, changed only by single-document atomic updates: {@code modseq} (the highest handed out),
 * {@code epoch}, {@code prunedThrough}, {@code resets} and {@code writing} — the open reservations, each its first
 * modseq and when it was taken.
 */
@Component
class MongoAccountCounter implements AccountCounter {

    static final String COLLECTION = "account_counters";

    private static final int MAX_ATTEMPTS = 100;

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoAccountCounter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Snapshot current(AccountId accountId) {
        Document doc = mongo.findById(accountId.value(), Document.class, COLLECTION);
        if (doc == null) {
            return new Snapshot(new SyncState(1, 0), 0, 0);
        }
        return snapshot(doc);
    }

    /**
     * Compare-and-set on the modseq rather than a bare $inc: the open reservation's first modseq must be stored with
     * it in the same single-document update, and $inc cannot say what it was. Writers of one account are few (its
     * event consumer and its devices' API calls), so a retry is rare.
     */
    @Override
    public Reservation reserve(AccountId accountId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a reservation is at least one modseq");
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document doc = mongo.findById(accountId.value(), Document.class, COLLECTION);
            if (doc == null) {
                ensureExists(accountId);
                continue;
            }
            long epoch = Docs.longOr(doc, "epoch", 1);
            long issued = Docs.longOr(doc, "modseq", 0);
            Query unchanged = Query.query(Criteria.where("_id").is(accountId.value()).and("epoch").is(epoch)
                    .and("modseq").is(issued));
            Update take = new Update().inc("modseq", (long) count)
                    .push("writing", new Document("from", issued + 1).append("at", Date.from(clock.instant())));
            if (mongo.updateFirst(unchanged, take, COLLECTION).getMatchedCount() == 1) {
                return new Reservation(epoch, issued + 1, issued + count);
            }
        }
        throw new IllegalStateException("account " + accountId.value() + ": no modseq after " + MAX_ATTEMPTS
                + " attempts; too many concurrent writers");
    }

    @Override
    public SyncState written(AccountId accountId, Reservation reservation) {
        Document doc = mongo.findAndModify(byId(accountId),
                new Update().pull("writing", new Document("from", reservation.from())),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (doc == null) {
            return reservation.state(); // the account was removed meanwhile
        }
        Instant cutoff = clock.instant().minus(WRITE_WINDOW);
        if (writing(doc).stream().anyMatch(w -> !fresh(w, cutoff))) {
            // a writer died holding these: they stopped counting at the cutoff, now they go
            mongo.updateFirst(byId(accountId), new Update().pull("writing",
                    Query.query(Criteria.where("at").lt(Date.from(cutoff))).getQueryObject()), COLLECTION);
        }
        return snapshot(doc).state();
    }

    @Override
    public Optional<SyncState> newEpoch(AccountId accountId, String resetKey) {
        ensureExists(accountId);
        Query notYetApplied = Query.query(Criteria.where("_id").is(accountId.value()).and("resets").ne(resetKey));
        Document doc = mongo.findAndModify(notYetApplied,
                new Update().inc("epoch", 1L).addToSet("resets", resetKey),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(d -> snapshot(d).state());
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

    private Snapshot snapshot(Document doc) {
        long issued = Docs.longOr(doc, "modseq", 0);
        Instant cutoff = clock.instant().minus(WRITE_WINDOW);
        long complete = writing(doc).stream().filter(w -> fresh(w, cutoff))
                .mapToLong(w -> Docs.longOr(w, "from", issued + 1) - 1).min().orElse(issued);
        return new Snapshot(new SyncState(Docs.longOr(doc, "epoch", 1), Math.min(complete, issued)), issued,
                Docs.longOr(doc, "prunedThrough", 0));
    }

    private static List<Document> writing(Document doc) {
        return doc.getList("writing", Document.class, List.of());
    }

    private static boolean fresh(Document writing, Instant cutoff) {
        Date at = writing.getDate("at");
        return at != null && at.toInstant().isAfter(cutoff);
    }
}
