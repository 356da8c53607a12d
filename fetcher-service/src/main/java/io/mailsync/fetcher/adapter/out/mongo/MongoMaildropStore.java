package io.mailsync.fetcher.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.MaildropStore;
import io.mailsync.fetcher.domain.UidlRecord;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One document per announced POP3 message: UIDL, first seen, stored downstream. */
@Component
class MongoMaildropStore implements MaildropStore {

    static final String COLLECTION = "pop3_uidls";

    private final MongoTemplate mongo;

    MongoMaildropStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC));
    }

    @Override
    public Map<String, UidlRecord> load(AccountId accountId) {
        Map<String, UidlRecord> known = new HashMap<>();
        for (Document doc : mongo.find(Query.query(Criteria.where("accountId").is(accountId.value())), Document.class,
                COLLECTION)) {
            String uidl = doc.getString("uidl");
            known.put(uidl, new UidlRecord(uidl, doc.getDate("firstSeen").toInstant(),
                    Boolean.TRUE.equals(doc.getBoolean("storedDownstream"))));
        }
        return known;
    }

    @Override
    public void add(AccountId accountId, Collection<UidlRecord> announced) {
        if (announced.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (UidlRecord r : announced) {
            // first seen stays the first: a re-announcement after a crash must not restart "delete after N days"
            bulk.upsert(byId(accountId, r.uidl()), new Update().set("accountId", accountId.value()).set("uidl", r.uidl())
                    .setOnInsert("firstSeen", Date.from(r.firstSeen()))
                    .setOnInsert("storedDownstream", r.storedDownstream()));
        }
        bulk.execute();
    }

    @Override
    public void markStoredDownstream(AccountId accountId, String uidl) {
        // a confirmation may come before this fetcher recorded the UIDL (another owner announced it): upsert
        mongo.upsert(byId(accountId, uidl), new Update().set("accountId", accountId.value()).set("uidl", uidl)
                .set("storedDownstream", true).setOnInsert("firstSeen", new Date()), COLLECTION);
    }

    @Override
    public void remove(AccountId accountId, Collection<String> uidls) {
        if (uidls.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        uidls.forEach(uidl -> bulk.remove(byId(accountId, uidl)));
        bulk.execute();
    }

    @Override
    public void forget(AccountId accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), COLLECTION);
    }

    private static Query byId(AccountId accountId, String uidl) {
        return Query.query(Criteria.where("_id").is(accountId.value() + "|" + uidl));
    }
}
