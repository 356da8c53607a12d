package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.sync.application.port.out.FolderResets;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Re-matching after a UIDVALIDITY change: candidates by Message-ID and size, moved conditionally on their location. */
@Component
class MongoFolderResets implements FolderResets {

    private final MongoTemplate mongo;

    MongoFolderResets(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean relocate(AccountId accountId, MessageId messageId, MessageLocator from, MessageLocator to,
                            Long serverModSeq, Instant at) {
        Query query = Query.query(Criteria.where("_id").is(messageId.value()).and("accountId").is(accountId.value())
                .and("locatorKey").is(from.key()));
        Update update = new Update().set("locatorKey", to.key()).set("folder", to.folderName())
                .set("uidValidity", to.uidValidity()).set("uid", to.uid()).set("serverModSeq", serverModSeq)
                .set("lastServerEventAt", date(at));
        try {
            return mongo.updateFirst(query, update, MongoMessageLookup.COLLECTION).getModifiedCount() > 0;
        } catch (DuplicateKeyException e) {
            return false; // another message already holds the new location
        }
    }

    @Override
    public List<StoredMessage> findRematchCandidates(AccountId accountId, String folder, UidValidity newUidValidity,
                                                     String messageIdHeader, long size) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value())
                .and("messageIdHeader").is(messageIdHeader)
                .and("folder").is(folder).and("size").is(size).and("destroyed").is(false)
                .and("uidValidity").ne(newUidValidity.value()));
        return mongo.find(query, Document.class, MongoMessageLookup.COLLECTION).stream()
                .map(MongoMessageLookup::toMessage).toList();
    }
}
