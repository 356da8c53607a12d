package io.mailsync.fetcher.adapter.out.mongo;

import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One document per (account, folder); each save is a single-document upsert, so no transaction is needed. */
@Component
class MongoCursorStore implements CursorStore {

    static final String COLLECTION = "folder_cursors";

    private final MongoTemplate mongo;

    MongoCursorStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<FolderCursor> load(String accountId, String folder) {
        Document doc = mongo.findById(id(accountId, folder), Document.class, COLLECTION);
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
        mongo.upsert(Query.query(Criteria.where("_id").is(id(accountId, cursor.folder()))), update, COLLECTION);
    }

    @Override
    public void forget(String accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId)), COLLECTION);
    }

    private static String id(String accountId, String folder) {
        return accountId + "|" + folder;
    }
}
