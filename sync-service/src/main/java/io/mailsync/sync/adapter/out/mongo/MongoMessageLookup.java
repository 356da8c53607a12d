package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Envelope;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountMessages;
import io.mailsync.sync.application.port.out.MessageFiling;
import io.mailsync.sync.application.port.out.MessageLookup;
import io.mailsync.sync.domain.ListingKey;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Messages keyed by public id, unique per (account, location); every write is conditional on the message's modseq.
 * This adapter owns the collection (its indexes, its document shape); the other ports on it are
 * {@link MongoKeywordUpdates}, {@link MongoServerChanges}, {@link MongoFolderResets}, {@link MongoMessageBatches},
 * {@link MongoMessageMoves}, {@link MongoDeletedMessages} and {@link MongoMailboxFootprint}.
 */
@Component
class MongoMessageLookup implements MessageLookup, MessageFiling, AccountMessages {

    static final String COLLECTION = "messages";
    static final String SUPERSEDED_LISTING_INDEX = "accountId_1_createdModseq_-1";

    private final MongoTemplate mongo;

    MongoMessageLookup(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("locatorKey", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.DESC).on("createdModseq", Sort.Direction.DESC));
        dropSuperseded(mongo.indexOps(COLLECTION));
        // Conditional writes filter on exactly (_id, modseq). _id alone is unique, so this index is too; it exists
        // because the MongoDB wire server used in tests only uses an index whose keys equal the filter's keys.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("modseq", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("messageIdHeader", Sort.Direction.ASC));
    }

    /**
     * The listing's index until it went by received time (issue 18): no query uses it, and every message write pays
     * for it. Replicas starting together may race to drop it; whichever loses finds it gone.
     */
    private static void dropSuperseded(IndexOperations indexes) {
        if (!hasSuperseded(indexes)) {
            return;
        }
        try {
            indexes.dropIndex(SUPERSEDED_LISTING_INDEX);
        } catch (DataAccessException e) {
            if (hasSuperseded(indexes)) {
                throw e;
            }
        }
    }

    private static boolean hasSuperseded(IndexOperations indexes) {
        return indexes.getIndexInfo().stream().anyMatch(i -> SUPERSEDED_LISTING_INDEX.equals(i.getName()));
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
    public Optional<StoredMessage> find(AccountId accountId, MessageId messageId) {
        // by _id alone (an index lookup everywhere); the account is checked here, so ids can't cross accounts
        return Optional.ofNullable(mongo.findById(messageId.value(), Document.class, COLLECTION))
                .filter(doc -> accountId.value().equals(doc.getString("accountId")))
                .map(MongoMessageLookup::toMessage);
    }

    @Override
    public Optional<StoredMessage> findByLocator(AccountId accountId, MessageLocator locator) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value())
                .and("locatorKey").is(locator.key()));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoMessageLookup::toMessage);
    }

    @Override
    public boolean insertAwaitingAppend(StoredMessage message) {
        if (!insert(message)) {
            return false;
        }
        mongo.updateFirst(byId(message.id().value()), new Update().set("awaitingAppend", true),
                COLLECTION);
        return true;
    }

    @Override
    public List<StoredMessage> findAwaitingAppend(AccountId accountId, String messageIdHeader) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value())
                .and("messageIdHeader").is(messageIdHeader)
                .and("awaitingAppend").is(true).and("destroyed").is(false));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoMessageLookup::toMessage).toList();
    }

    @Override
    public boolean adoptAppended(AccountId accountId, MessageId messageId, ModSeq expectedModseq, MessageLocator to,
                                 ModSeq modseq, Long serverModSeq, Instant at) {
        Update update = new Update().set("locatorKey", to.key()).set("folder", to.folderName())
                .set("uidValidity", to.uidValidity()).set("uid", to.uid()).set("uidl", to.uidl())
                .set("serverModSeq", serverModSeq).set("lastServerEventAt", date(at)).set("modseq", modseq.value())
                .set("awaitingAppend", false);
        try {
            return updateIfUnchanged(mongo, messageId.value(), expectedModseq.value(), update);
        } catch (DuplicateKeyException e) {
            return false; // another message already holds the new location
        }
    }

    @Override
    public void markDeleteRequested(AccountId accountId, MessageId messageId) {
        mongo.updateFirst(byId(messageId.value()), new Update().set("deleteRequested", true), COLLECTION);
    }

    /**
     * Newest received first ({@link ListingKey}): a message with no received time sorts below every date in MongoDB,
     * so last, as in the key's order; and a range on a date never matches one, so it is asked for by name.
     */
    @Override
    public List<StoredMessage> list(AccountId accountId, String folder, ListingKey after, int limit) {
        Criteria criteria = Criteria.where("accountId").is(accountId.value()).and("destroyed").is(false);
        if (folder != null) {
            criteria = criteria.and("folder").is(folder);
        }
        if (after != null) {
            Criteria sameTime = Criteria.where("receivedAt").is(date(after.receivedAt()))
                    .and("createdModseq").lt(after.createdModseq());
            criteria = after.receivedAt() == null ? new Criteria().andOperator(criteria, sameTime)
                    : new Criteria().andOperator(criteria, new Criteria().orOperator(
                            Criteria.where("receivedAt").lt(date(after.receivedAt())), sameTime,
                            Criteria.where("receivedAt").is(null)));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("createdModseq"))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoMessageLookup::toMessage).toList();
    }

    @Override
    public List<String> contentRefs(AccountId accountId) {
        Query query = Query.query(Criteria.where("accountId").is(accountId.value()).and("contentRef").ne(null));
        query.fields().include("contentRef");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("contentRef")).toList();
    }

    @Override
    public void deleteAccount(AccountId accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId.value())), COLLECTION);
    }

    /**
     * A write conditional on the message's modseq. Callers read the message through {@link #find} or
     * {@link #findByLocator} first, which checked the account.
     */
    static boolean updateIfUnchanged(MongoTemplate mongo, String messageId, long expectedModseq, Update update) {
        Query query = Query.query(Criteria.where("_id").is(messageId).and("modseq").is(expectedModseq));
        return mongo.updateFirst(query, update, COLLECTION).getMatchedCount() > 0;
    }

    static Query byId(String messageId) {
        return Query.query(Criteria.where("_id").is(messageId)); // ids are derived from the account id: unique
    }

    static Document toDocument(StoredMessage m) {
        return new Document("_id", m.id().value())
                .append("accountId", m.accountId().value())
                .append("locatorKey", m.locator().key())
                .append("folder", m.folder())
                .append("uidValidity", m.locator().uidValidity())
                .append("uid", m.locator().uid())
                .append("uidl", m.locator().uidl())
                .append("messageIdHeader", m.envelope().messageIdHeader())
                .append("from", m.envelope().from())
                .append("to", m.envelope().to())
                .append("cc", m.envelope().cc())
                .append("subject", m.envelope().subject())
                .append("sentAt", date(m.envelope().sentAt()))
                .append("receivedAt", date(m.receivedAt()))
                .append("size", m.size())
                .append("keywords", Docs.keywords(m.keywords()))
                .append("contentRef", m.contentRef())
                .append("createdModseq", m.createdModseq())
                .append("modseq", m.modseq())
                .append("serverModSeq", m.serverModSeq())
                .append("lastServerEventAt", date(m.lastServerEventAt()))
                .append("destroyed", m.destroyed())
                .append("deleteRequested", m.deleteRequested());
    }

    static StoredMessage toMessage(Document doc) {
        String uidl = doc.getString("uidl");
        MessageLocator locator = uidl != null ? MessageLocator.pop3(uidl)
                : MessageLocator.imap(doc.getString("folder"), Docs.longOrNull(doc, "uidValidity"),
                Docs.longOrNull(doc, "uid"));
        return new StoredMessage(MessageId.of(doc.getString("_id")), AccountId.of(doc.getString("accountId")), locator,
                new Envelope(doc.getString("messageIdHeader"), Docs.strings(doc, "from"), Docs.strings(doc, "to"),
                        Docs.strings(doc, "cc"), doc.getString("subject"), instant(doc, "sentAt")),
                instant(doc, "receivedAt"),
                Docs.longOr(doc, "size", 0), Docs.keywords(doc), doc.getString("contentRef"),
                Docs.longOr(doc, "createdModseq", 0), Docs.longOr(doc, "modseq", 0),
                Docs.longOrNull(doc, "serverModSeq"), instant(doc, "lastServerEventAt"),
                doc.getBoolean("destroyed", false), doc.getBoolean("deleteRequested", false));
    }
}
