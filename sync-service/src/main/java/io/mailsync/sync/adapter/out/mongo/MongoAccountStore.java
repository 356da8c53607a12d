package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.AccountSpec;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoAccountStore implements AccountStore {

    static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;

    MongoAccountStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("mailboxKey", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("customerId", Sort.Direction.ASC));
    }

    @Override
    public boolean insert(Account account) {
        try {
            mongo.insert(toDocument(account), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Account> find(AccountId accountId) {
        return Optional.ofNullable(mongo.findById(accountId.value(), Document.class, COLLECTION))
                .map(MongoAccountStore::toAccount);
    }

    @Override
    public List<Account> findByCustomer(String customerId) {
        Query query = Query.query(Criteria.where("customerId").is(customerId)).with(Sort.by("createdAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAccountStore::toAccount).toList();
    }

    @Override
    public List<Account> page(AccountId afterAccountId, int limit) {
        Criteria criteria = afterAccountId == null ? new Criteria() : Criteria.where("_id").gt(afterAccountId.value());
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAccountStore::toAccount).toList();
    }

    @Override
    public boolean delete(AccountId accountId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(accountId.value())), COLLECTION).getDeletedCount() > 0;
    }

    @Override
    public long raiseOwnerEpoch(AccountId accountId, long epoch) {
        Document after = mongo.findAndModify(Query.query(Criteria.where("_id").is(accountId.value())),
                new Update().max("ownerEpoch", epoch), FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION);
        return after == null ? 0 : Docs.longOrNull(after, "ownerEpoch");
    }

    @Override
    public boolean replaceSecret(AccountId accountId, String expected, String encryptedSecret, Instant at) {
        Criteria account = Criteria.where("_id").is(accountId.value());
        if (expected != null) {
            account = account.and("encryptedSecret").is(expected);
        }
        return mongo.updateFirst(Query.query(account),
                new Update().set("encryptedSecret", encryptedSecret).set("updatedAt", date(at)), COLLECTION)
                .getMatchedCount() == 1;
    }

    @Override
    public void updateStatus(AccountId accountId, String status, String reason, Instant at) {
        Query newer = Query.query(Criteria.where("_id").is(accountId.value())
                .orOperator(Criteria.where("statusAt").is(null), Criteria.where("statusAt").lte(date(at))));
        mongo.updateFirst(newer, new Update().set("status", status).set("statusReason", reason)
                .set("statusAt", date(at)), COLLECTION);
    }

    private static Document toDocument(Account account) {
        AccountSpec spec = account.spec();
        return new Document("_id", spec.accountId().value())
                .append("mailboxKey", String.join("\n", spec.customerId(), spec.protocol().name(),
                        spec.host().toLowerCase(Locale.ROOT), String.valueOf(spec.port()), spec.username()))
                .append("customerId", spec.customerId())
                .append("protocol", spec.protocol().name())
                .append("host", spec.host())
                .append("port", spec.port())
                .append("security", spec.security().name())
                .append("trustAnyCertificate", spec.trustAnyCertificate())
                .append("username", spec.username())
                .append("encryptedSecret", spec.encryptedSecret())
                .append("folders", spec.folders())
                .append("pollInterval", spec.pollInterval().toString())
                .append("retentionPolicy", spec.retention().policy().name())
                .append("retentionDays", spec.retention().days())
                .append("storeBodies", spec.storeBodies())
                .append("quotaLimitBytes", spec.quotaLimitBytes())
                .append("quotaLimitMessages", spec.quotaLimitMessages())
                .append("contactAddress", spec.contactAddress())
                .append("plan", spec.plan())
                .append(GrantDocs.FIELD, GrantDocs.toDocuments(spec.grants()))
                .append("hostLogin", HostLoginDocs.toDocument(spec.hostLogin())) // issue 22: the host's login, copied
                .append("updatedAt", date(spec.updatedAt()))
                .append("status", account.status())
                .append("statusReason", account.statusReason())
                .append("statusAt", date(account.statusAt()))
                .append("createdAt", date(account.createdAt()));
    }

    static Account toAccount(Document doc) {
        AccountSpec spec = new AccountSpec(AccountId.of(doc.getString("_id")), doc.getString("customerId"),
                AccountSpec.Protocol.valueOf(doc.getString("protocol")), doc.getString("host"), doc.getInteger("port"),
                AccountSpec.Security.valueOf(doc.getString("security")), doc.getBoolean("trustAnyCertificate", false),
                doc.getString("username"), doc.getString("encryptedSecret"), Docs.strings(doc, "folders"),
                Duration.parse(doc.getString("pollInterval")),
                new AccountSpec.Pop3Retention(AccountSpec.Pop3Retention.Policy.valueOf(doc.getString("retentionPolicy")),
                        doc.getInteger("retentionDays")),
                doc.getBoolean("storeBodies", false), Docs.longOrNull(doc, "quotaLimitBytes"),
                Docs.longOrNull(doc, "quotaLimitMessages"), doc.getString("contactAddress"), instant(doc, "updatedAt"),
                doc.getString("plan"), GrantDocs.fromDocument(doc),
                HostLoginDocs.from(doc.get("hostLogin", Document.class)));
        return new Account(spec, doc.getString("status"), doc.getString("statusReason"), instant(doc, "statusAt"),
                instant(doc, "createdAt"), Docs.longOrNull(doc, "ownerEpoch"));
    }
}
