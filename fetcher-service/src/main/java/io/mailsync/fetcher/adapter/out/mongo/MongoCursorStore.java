package io.mailsync.fetcher.adapter.out.mongo;

import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per (account, folder) cursor and one per known message's keywords; every write is a
 * single-document upsert or delete (unordered bulk), so nothing needs a transaction.
 */
@Component
class MongoCursorStore implements CursorStore {

    static final String CURSORS = "folder_cursors";
    static final String INDEX = "message_keywords";

    private final MongoTemplate mongo;

    MongoCursorStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // an account's index is read per folder and UIDVALIDITY, and removed per account
        mongo.indexOps(INDEX).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("folder", Sort.Direction.ASC).on("uidValidity", Sort.Direction.ASC));
        mongo.indexOps(CURSORS).createIndex(new Index().on("accountId", Sort.Direction.ASC));
    }

    @Override
    public Optional<FolderCursor> load(String accountId, String folder) {
        Document doc = mongo.findById(id(accountId, folder), Document.class, CURSORS);
        if (doc == null) {
            return Optional.empty();
        }
        Number modSeq = doc.get("highestModSeq", Number.class);
        Number rebuildBelow = doc.get("rebuildBelow", Number.class);
        return Optional.of(new FolderCursor(folder, doc.get("uidValidity", Number.class).longValue(),
                doc.get("uidNext", Number.class).longValue(), modSeq == null ? null : modSeq.longValue(),
                rebuildBelow == null ? 0 : rebuildBelow.longValue()));
    }

    @Override
    public void save(String accountId, FolderCursor cursor) {
        Update update = new Update()
                .set("accountId", accountId)
                .set("folder", cursor.folder())
                .set("uidValidity", cursor.uidValidity())
                .set("uidNext", cursor.uidNext())
                .set("highestModSeq", cursor.highestModSeq())
                .set("rebuildBelow", cursor.rebuildBelow());
        mongo.upsert(byId(id(accountId, cursor.folder())), update, CURSORS);
    }

    @Override
    public Map<Long, Set<String>> loadIndex(String accountId, String folder, long uidValidity) {
        Query query = Query.query(Criteria.where("accountId").is(accountId).and("folder").is(folder)
                .and("uidValidity").is(uidValidity));
        Map<Long, Set<String>> index = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, INDEX)) {
            index.put(doc.get("uid", Number.class).longValue(), Set.copyOf(doc.getList("keywords", String.class)));
        }
        return index;
    }

    @Override
    public void updateIndex(String accountId, String folder, long uidValidity, Map<Long, Set<String>> put,
                            Collection<Long> removed) {
        if (put.isEmpty() && removed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, INDEX);
        put.forEach((uid, keywords) -> bulk.upsert(byId(messageId(accountId, folder, uidValidity, uid)), new Update()
                .set("accountId", accountId).set("folder", folder).set("uidValidity", uidValidity).set("uid", uid)
                .set("keywords", List.copyOf(keywords))));
        removed.forEach(uid -> bulk.remove(byId(messageId(accountId, folder, uidValidity, uid))));
        bulk.execute();
    }

    @Override
    public void clearIndex(String accountId, String folder, long uidValidity) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId).and("folder").is(folder)
                .and("uidValidity").is(uidValidity)), INDEX);
    }

    @Override
    public Set<Long> staleValidities(String accountId, String folder, long current) {
        Query others = Query.query(Criteria.where("accountId").is(accountId).and("folder").is(folder)
                .and("uidValidity").ne(current));
        return mongo.findDistinct(others, "uidValidity", INDEX, Number.class).stream()
                .map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void forget(String accountId) {
        Query account = Query.query(Criteria.where("accountId").is(accountId));
        mongo.remove(account, CURSORS);
        mongo.remove(account, INDEX);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String id(String accountId, String folder) {
        return accountId + "|" + folder;
    }

    private static String messageId(String accountId, String folder, long uidValidity, long uid) {
        return accountId + "|" + folder + "|" + uidValidity + "|" + uid;
    }
}
