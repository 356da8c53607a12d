package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;
import static io.mailsync.sync.adapter.out.mongo.MongoMessageLookup.byId;
import static io.mailsync.sync.adapter.out.mongo.MongoMessageLookup.updateIfUnchanged;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.MessageDestruction;
import io.mailsync.sync.application.port.out.ServerChanges;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Server events and deletions one message at a time, each a single-document update of the message. */
@Component
class MongoServerChanges implements ServerChanges, MessageDestruction {

    private final MongoTemplate mongo;

    MongoServerChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void recordServerEvent(AccountId accountId, MessageId messageId, Long serverModSeq, Instant at) {
        Update update = new Update().max("lastServerEventAt", date(at));
        if (serverModSeq != null) {
            update.max("serverModSeq", serverModSeq);
        }
        mongo.updateFirst(byId(messageId.value()), update, MongoMessageLookup.COLLECTION);
    }

    @Override
    public boolean applyServerKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq,
                                       Set<Keyword> keywords, ModSeq modseq, Long serverModSeq, Instant at) {
        Update update = new Update().set("keywords", Docs.keywords(keywords)).set("modseq", modseq.value())
                .set("lastServerEventAt", date(at));
        if (serverModSeq != null) {
            update.set("serverModSeq", serverModSeq);
        }
        return updateIfUnchanged(mongo, messageId.value(), expectedModseq.value(), update);
    }

    @Override
    public boolean markDestroyed(AccountId accountId, MessageId messageId, ModSeq expectedModseq, ModSeq modseq,
                                 Instant deletedAt) {
        return updateIfUnchanged(mongo, messageId.value(), expectedModseq.value(),
                new Update().set("destroyed", true).set("modseq", modseq.value()).set("deletedAt", date(deletedAt)));
    }

    @Override
    public Optional<Instant> restoredAt(AccountId accountId, MessageId messageId) {
        return Optional.ofNullable(mongo.findOne(byId(messageId.value()), Document.class,
                        MongoMessageLookup.COLLECTION))
                .filter(doc -> accountId.value().equals(doc.getString("accountId")))
                .map(doc -> instant(doc, "restoredAt"));
    }
}
