package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.MongoMessageLookup.updateIfUnchanged;

import io.mailsync.events.EventCodec;
import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.KeywordUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** A device's keyword change and its write-back in the message document: the outbox is one atomic write with it. */
@Component
class MongoKeywordUpdates implements KeywordUpdates {

    private final MongoTemplate mongo;
    private final EventCodec codec;

    MongoKeywordUpdates(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    @Override
    public boolean updateKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq, Set<Keyword> keywords,
                                  ModSeq modseq, SetFlags writeBack) {
        Update update = new Update().set("keywords", Docs.keywords(keywords)).set("modseq", modseq.value());
        if (writeBack != null) {
            // the outbox lives in the message document, so the change and its write-back are one atomic write
            update.push("writeBacks", codec.encode(writeBack)).inc("pendingWriteBacks", 1);
        }
        return updateIfUnchanged(mongo, messageId.value(), expectedModseq.value(), update);
    }

    @Override
    public void writeBackSent(AccountId accountId, MessageId messageId, SetFlags writeBack) {
        String encoded = codec.encode(writeBack);
        Query stillQueued = Query.query(Criteria.where("_id").is(messageId.value()).and("writeBacks").is(encoded));
        mongo.updateFirst(stillQueued, new Update().pull("writeBacks", encoded).inc("pendingWriteBacks", -1),
                MongoMessageLookup.COLLECTION);
    }

    @Override
    public List<PendingWriteBack> pendingWriteBacks(int limit) {
        Query query = Query.query(Criteria.where("pendingWriteBacks").gt(0)).limit(limit);
        List<PendingWriteBack> pending = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, MongoMessageLookup.COLLECTION)) {
            for (String encoded : Docs.strings(doc, "writeBacks")) {
                codec.decode(encoded, SetFlags.class).ifPresent(command -> pending.add(
                        new PendingWriteBack(AccountId.of(doc.getString("accountId")),
                                MessageId.of(doc.getString("_id")), command)));
            }
        }
        return pending;
    }
}
