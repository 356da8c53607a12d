package io.mailsync.fetcher.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
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
    public Optional<FolderCursor> load(AccountId accountId, String folder) {
        Document doc = mongo.findById(id(accountId, folder), Document.class, CURSORS);
        if (doc == null) {
            return Optional.empty();
        }
        Number modSeq = doc.get("highestModSeq", Number.class);
        Number rebuildBelow = doc.get("rebuildBelow", Number.class);
        return Optional.of(new FolderCursor(folder, new UidValidity(doc.get("uidValidity", Number.class).longValue()),
                doc.get("uidNext", Number.class).longValue(), modSeq == null ? null : ModSeq.of(modSeq.longValue()),
                rebuildBelow == null ? 0 : rebuildBelow.longValue()));
    }

    @Override
    public void save(AccountId accountId, FolderCursor cursor) {
        Update update = new Update()
                .set("accountId", accountId.value())
                .set("folder", cursor.folder())
                .set("uidValidity", cursor.uidValidity().value())
                .set("uidNext", cursor.uidNext())
                .set("highestModSeq", cursor.highestModSeq() == null ? null : cursor.highestModSeq().value())
                .set("rebuildBelow", cursor.rebuildBelow());
        mongo.upsert(byId(id(accountId, cursor.folder())), update, CURSORS);
    }

    @Override
    public Map<Uid, Set<Keyword>> loadIndex(AccountId accountId, String folder, UidValidity uidValidity) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value()).and("folder").is(folder)
                .and("uidValidity").is(uidValidity.value()));
        Map<Uid, Set<Keyword>> index = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, INDEX)) {
            // written before issue 21 as the server spelled them: read as keywords, what is not one dropped, as the
            // server's report now is, so the first comparison after an upgrade finds no difference that is not one
            index.put(new Uid(doc.get("uid", Number.class).longValue()),
                    Keyword.validAmong(doc.getList("keywords", String.class)));
        }
        return index;
    }

    @Override
    public void updateIndex(AccountId accountId, String folder, UidValidity uidValidity, Map<Uid, Set<Keyword>> put,
                            Collection<Uid> removed) {
        if (put.isEmpty() && removed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, INDEX);
        put.forEach((uid, keywords) -> bulk.upsert(byId(messageId(accountId, folder, uidValidity, uid)), new Update()
                .set("accountId", accountId.value()).set("folder", folder).set("uidValidity", uidValidity.value())
                .set("uid", uid.value()).set("keywords", keywords.stream().map(Keyword::value).toList())));
        removed.forEach(uid -> bulk.remove(byId(messageId(accountId, folder, uidValidity, uid))));
        bulk.execute();
    }

    @Override
    public void clearIndex(AccountId accountId, String folder, UidValidity uidValidity) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value()).and("folder").is(folder)
                .and("uidValidity").is(uidValidity.value())), INDEX);
    }

    @Override
    public Set<UidValidity> staleValidities(AccountId accountId, String folder, UidValidity current) {
        Query others = Query.query(Criteria.where("accountId").is(accountId.value()).and("folder").is(folder)
                .and("uidValidity").ne(current.value()));
        return mongo.findDistinct(others, "uidValidity", INDEX, Number.class).stream()
                .map(n -> new UidValidity(n.longValue())).collect(Collectors.toSet());
    }

    @Override
    public void forget(AccountId accountId) {
        Query account = Query.query(Criteria.where("accountId").is(accountId.value()));
        mongo.remove(account, CURSORS);
        mongo.remove(account, INDEX);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String id(AccountId accountId, String folder) {
        return accountId.value() + "|" + folder;
    }

    private static String messageId(AccountId accountId, String folder, UidValidity uidValidity, Uid uid) {
        return accountId.value() + "|" + folder + "|" + uidValidity.value() + "|" + uid.value();
    }
}
