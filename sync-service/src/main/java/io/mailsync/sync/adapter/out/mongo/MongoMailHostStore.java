package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;
import static io.mailsync.sync.adapter.out.mongo.Docs.instant;

import io.mailsync.events.AccountSpec;
import io.mailsync.sync.application.port.out.MailHostStore;
import io.mailsync.sync.domain.MailHost;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Mail hosts in {@code mail_hosts}, one document per host id (issue 22). */
@Component
class MongoMailHostStore implements MailHostStore {

    static final String COLLECTION = "mail_hosts";

    private final MongoTemplate mongo;

    MongoMailHostStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean save(MailHost host) {
        Document doc = new Document("_id", host.id())
                .append("host", host.host())
                .append("port", host.port())
                .append("security", host.security().name())
                .append("trustAnyCertificate", host.trustAnyCertificate())
                .append("login", HostLoginDocs.toDocument(host.login()))
                .append("updatedAt", date(host.updatedAt()));
        boolean existed = mongo.exists(Query.query(Criteria.where("_id").is(host.id())), COLLECTION);
        mongo.save(doc, COLLECTION);
        return !existed;
    }

    @Override
    public Optional<MailHost> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoMailHostStore::toHost);
    }

    @Override
    public List<MailHost> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(MongoMailHostStore::toHost).toList();
    }

    @Override
    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
    }

    private static MailHost toHost(Document doc) {
        return new MailHost(doc.getString("_id"), doc.getString("host"), doc.getInteger("port"),
                AccountSpec.Security.valueOf(doc.getString("security")), doc.getBoolean("trustAnyCertificate", false),
                HostLoginDocs.from(doc.get("login", Document.class)), instant(doc, "updatedAt"));
    }
}
