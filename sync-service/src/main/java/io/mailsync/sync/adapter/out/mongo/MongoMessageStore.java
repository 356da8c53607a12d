package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.EventCodec;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.SetFlags;
import io.mailsync.sync.application.port.out.MessageStore;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Messages keyed by public id, unique per (account, location); every write is conditional on the message's modseq. */
@Component
class MongoMessageStore implements MessageStore {

    static final String COLLECTION = "messages";

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final MongoMessageBatches batches;

    MongoMessageStore(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        this.batches = new MongoMessageBatches(mongo);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("locatorKey", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("createdModseq", Sort.Direction.DESC));
        // Conditional writes filter on exactly (_id, modseq). _id alone is unique, so this index is too; it exists
        // because the MongoDB wire server used in tests only uses an index whose keys equal the filter's keys.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("modseq", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("messageIdHeader", Sort.Direction.ASC));
    }

    @Override
    public boolean insert(StoredMessage m) {
        try {
            mongo.insert(toDocument(m), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<StoredMessage> find(String accountId, String messageId) {
        // by _id alone (an index lookup everywhere); the account is checked here, so ids can't cross accounts
        return Optional.ofNullable(mongo.findById(messageId, Document.class, COLLECTION))
                .filter(doc -> accountId.equals(doc.getString("accountId")))
                .map(MongoMessageStore::toMessage);
    }

    @Override
    public Optional<StoredMessage> findByLocator(String accountId, MessageLocator locator) {
        Query query = Query.query(Criteria.where("accountId").is(accountId).and("locatorKey").is(locator.key()));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoMessageStore::toMessage);
    }

    @Override
    public boolean updateKeywords(String accountId, String messageId, long expectedModseq, Set<String> keywords,
                                  long modseq, SetFlags writeBack) {
        Update update = new Update().set("keywords", List.copyOf(new TreeSet<>(keywords))).set("modseq", modseq);
        if (writeBack != null) {
            // the outbox lives in the message document, so the change and its write-back are one atomic write
            update.push("writeBacks", codec.encode(writeBack)).inc("pendingWriteBacks", 1);
        }
        return updateIfUnchanged(accountId, messageId, expectedModseq, update);
    }

    @Override
    public void writeBackSent(String accountId, String messageId, SetFlags writeBack) {
        String encoded = codec.encode(writeBack);
        Query stillQueued = Query.query(Criteria.where("_id").is(messageId).and("writeBacks").is(encoded));
        mongo.updateFirst(stillQueued, new Update().pull("writeBacks", encoded).inc("pendingWriteBacks", -1),
                COLLECTION);
    }

    @Override
    public List<PendingWriteBack> pendingWriteBacks(int limit) {
        Query query = Query.query(Criteria.where("pendingWriteBacks").gt(0)).limit(limit);
        List<PendingWriteBack> pending = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            for (String encoded : Docs.strings(doc, "writeBacks")) {
                codec.decode(encoded, SetFlags.class).ifPresent(command -> pending.add(
                        new PendingWriteBack(doc.getString("accountId"), doc.getString("_id"), command)));
            }
        }
        return pending;
    }

    @Override
    public void recordServerEvent(String accountId, String messageId, Long serverModSeq, Instant at) {
        Update update = new Update().max("lastServerEventAt", date(at));
        if (serverModSeq != null) {
            update.max("serverModSeq", serverModSeq);
        }
        mongo.updateFirst(byId(accountId, messageId), update, COLLECTION);
    }

    @Override
    public boolean applyServerKeywords(String accountId, String messageId, long expectedModseq, Set<String> keywords,
                                       long modseq, Long serverModSeq, Instant at) {
        Update update = new Update().set("keywords", List.copyOf(new TreeSet<>(keywords))).set("modseq", modseq)
                .set("lastServerEventAt", date(at));
        if (serverModSeq != null) {
            update.set("serverModSeq", serverModSeq);
        }
        return updateIfUnchanged(accountId, messageId, expectedModseq, update);
    }

    @Override
    public boolean markDestroyed(String accountId, String messageId, long expectedModseq, long modseq,
                                 Instant deletedAt) {
        return updateIfUnchanged(accountId, messageId, expectedModseq,
                new Update().set("destroyed", true).set("modseq", modseq).set("deletedAt", date(deletedAt)));
    }

    @Override
    public Optional<Instant> restoredAt(String accountId, String messageId) {
        return Optional.ofNullable(mongo.findOne(byId(accountId, messageId), Document.class, COLLECTION))
                .filter(doc -> accountId.equals(doc.getString("accountId")))
                .map(doc -> instant(doc, "restoredAt"));
    }

    @Override
    public boolean insertAwaitingAppend(StoredMessage message) {
        if (!insert(message)) {
            return false;
        }
        mongo.updateFirst(byId(message.accountId(), message.id()), new Update().set("awaitingAppend", true),
                COLLECTION);
        return true;
    }

    @Override
    public List<StoredMessage> findAwaitingAppend(String accountId, String messageIdHeader) {
        Query query = Query.query(Criteria.where("accountId").is(accountId).and("messageIdHeader").is(messageIdHeader)
                .and("awaitingAppend").is(true).and("destroyed").is(false));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoMessageStore::toMessage).toList();
    }

    @Override
    public boolean adoptAppended(String accountId, String messageId, long expectedModseq, MessageLocator to,
                                 long modseq, Long serverModSeq, Instant at) {
        Update update = new Update().set("locatorKey", to.key()).set("folder", to.folderName())
                .set("uidValidity", to.uidValidity()).set("uid", to.uid()).set("uidl", to.uidl())
                .set("serverModSeq", serverModSeq).set("lastServerEventAt", date(at)).set("modseq", modseq)
                .set("awaitingAppend", false);
        try {
            return updateIfUnchanged(accountId, messageId, expectedModseq, update);
        } catch (DuplicateKeyException e) {
            return false; // another message already holds the new location
        }
    }

    @Override
    public boolean relocate(String accountId, String messageId, MessageLocator from, MessageLocator to,
                            Long serverModSeq, Instant at) {
        Query query = Query.query(Criteria.where("_id").is(messageId).and("accountId").is(accountId)
                .and("locatorKey").is(from.key()));
        Update update = new Update().set("locatorKey", to.key()).set("folder", to.folderName())
                .set("uidValidity", to.uidValidity()).set("uid", to.uid()).set("serverModSeq", serverModSeq)
                .set("lastServerEventAt", date(at));
        try {
            return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0;
        } catch (DuplicateKeyException e) {
            return false; // another message already holds the new location
        }
    }

    @Override
    public List<StoredMessage> findRematchCandidates(String accountId, String folder, long newUidValidity,
                                                     String messageIdHeader, long size) {
        Query query = Query.query(Criteria.where("accountId").is(accountId).and("messageIdHeader").is(messageIdHeader)
                .and("folder").is(folder).and("size").is(size).and("destroyed").is(false)
                .and("uidValidity").ne(newUidValidity));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoMessageStore::toMessage).toList();
    }

    @Override
    public void markDeleteRequested(String accountId, String messageId) {
        mongo.updateFirst(byId(accountId, messageId), new Update().set("deleteRequested", true), COLLECTION);
    }

    @Override
    public List<StoredMessage> list(String accountId, String folder, Long beforeCreatedModseq, int limit) {
        Criteria criteria = Criteria.where("accountId").is(accountId).and("destroyed").is(false);
        if (folder != null) {
            criteria = criteria.and("folder").is(folder);
        }
        if (beforeCreatedModseq != null) {
            criteria = criteria.and("createdModseq").lt(beforeCreatedModseq);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdModseq")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoMessageStore::toMessage).toList();
    }

    @Override
    public List<String> contentRefs(String accountId) {
        Query query = Query.query(Criteria.where("accountId").is(accountId).and("contentRef").ne(null));
        query.fields().include("contentRef");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("contentRef")).toList();
    }

    @Override
    public void deleteAccount(String accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId)), COLLECTION);
    }

    /** Callers read the message through {@link #find} or {@link #findByLocator} first, which checked the account. */
    private boolean updateIfUnchanged(String accountId, String messageId, long expectedModseq, Update update) {
        Query query = Query.query(Criteria.where("_id").is(messageId).and("modseq").is(expectedModseq));
        return mongo.updateFirst(query, update, COLLECTION).getMatchedCount() > 0;
    }

    private static Query byId(String accountId, String messageId) {
        return Query.query(Criteria.where("_id").is(messageId)); // ids are derived from the account id: unique
    }

    static Document toDocument(StoredMessage m) {
        return new Document("_id", m.id())
                .append("accountId", m.accountId())
                .append("locatorKey", m.locator().key())
                .append("folder", m.folder())
                .append("uidValidity", m.locator().uidValidity())
                .append("uid", m.locator().uid())
                .append("uidl", m.locator().uidl())
                .append("messageIdHeader", m.messageIdHeader())
                .append("from", m.from())
                .append("to", m.to())
                .append("cc", m.cc())
                .append("subject", m.subject())
                .append("sentAt", date(m.sentAt()))
                .append("receivedAt", date(m.receivedAt()))
                .append("size", m.size())
                .append("keywords", List.copyOf(new TreeSet<>(m.keywords())))
                .append("contentRef", m.contentRef())
                .append("createdModseq", m.createdModseq())
                .append("modseq", m.modseq())
                .append("serverModSeq", m.serverModSeq())
                .append("lastServerEventAt", date(m.lastServerEventAt()))
                .append("destroyed", m.destroyed())
                .append("deleteRequested", m.deleteRequested());
    }

    // Batch ingest (ApplyMailEvents): one round trip each, in MongoMessageBatches

    @Override
    public Map<String, StoredMessage> findByLocators(String accountId, Collection<MessageLocator> locators) {
        return batches.findByLocators(accountId, locators);
    }

    @Override
    public Map<String, StoredMessage> findAtOwnLocations(String accountId, Collection<MessageLocator> locators) {
        return batches.findAtOwnLocations(accountId, locators);
    }

    @Override
    public Set<String> awaitingAppendAmong(String accountId, Collection<String> messageIdHeaders) {
        return batches.awaitingAppendAmong(accountId, messageIdHeaders);
    }

    @Override
    public Set<String> insertAll(List<StoredMessage> messages) {
        return batches.insertAll(messages);
    }

    @Override
    public Set<String> applyServerEvents(String accountId, List<ServerEventWrite> writes) {
        return batches.applyServerEvents(accountId, writes);
    }

    static StoredMessage toMessage(Document doc) {
        String uidl = doc.getString("uidl");
        MessageLocator locator = uidl != null ? MessageLocator.pop3(uidl)
                : MessageLocator.imap(doc.getString("folder"), Docs.longOrNull(doc, "uidValidity"),
                Docs.longOrNull(doc, "uid"));
        return new StoredMessage(doc.getString("_id"), doc.getString("accountId"), locator,
                doc.getString("messageIdHeader"), Docs.strings(doc, "from"), Docs.strings(doc, "to"),
                Docs.strings(doc, "cc"), doc.getString("subject"), instant(doc, "sentAt"), instant(doc, "receivedAt"),
                Docs.longOr(doc, "size", 0), new HashSet<>(Docs.strings(doc, "keywords")), doc.getString("contentRef"),
                Docs.longOr(doc, "createdModseq", 0), Docs.longOr(doc, "modseq", 0),
                Docs.longOrNull(doc, "serverModSeq"), instant(doc, "lastServerEventAt"),
                doc.getBoolean("destroyed", false), doc.getBoolean("deleteRequested", false));
    }
}
