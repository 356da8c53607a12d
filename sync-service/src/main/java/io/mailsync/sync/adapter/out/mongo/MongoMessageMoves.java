package io.mailsync.sync.adapter.out.mongo;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.MessageMoves;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** A move rewrites the message document's location, conditional on its modseq like every message write. */
@Component
class MongoMessageMoves implements MessageMoves {

    private final MongoTemplate mongo;

    MongoMessageMoves(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean moveTo(AccountId accountId, MessageId messageId, ModSeq expectedModseq, MessageLocator to,
                          ModSeq modseq, boolean awaitingServerCopy) {
        Query query = Query.query(Criteria.where("_id").is(messageId.value()).and("modseq").is(expectedModseq.value()));
        Update update = new Update().set("locatorKey", to.key()).set("folder", to.folderName())
                .set("uidValidity", to.uidValidity()).set("uid", to.uid()).set("uidl", to.uidl())
                .set("modseq", modseq.value()).set("awaitingAppend", awaitingServerCopy);
        try {
            return mongo.updateFirst(query, update, MongoMessageLookup.COLLECTION).getMatchedCount() > 0;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
