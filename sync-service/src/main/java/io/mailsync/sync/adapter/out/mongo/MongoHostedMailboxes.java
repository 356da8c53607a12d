package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;

import io.mailsync.events.HostLogin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.HostedMailboxes;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The accounts whose stored spec names a mail host ({@code hostLogin.hostId}, issue 22). */
@Component
class MongoHostedMailboxes implements HostedMailboxes {

    private final MongoTemplate mongo;

    MongoHostedMailboxes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<AccountId> on(String hostId) {
        Query query = Query.query(Criteria.where("hostLogin.hostId").is(hostId)).with(Sort.by("_id"));
        query.fields().include("_id");
        return mongo.find(query, Document.class, MongoAccountStore.COLLECTION).stream()
                .map(doc -> AccountId.of(doc.getString("_id"))).toList();
    }

    @Override
    public long applyLogin(HostLogin login, Instant at) {
        return mongo.updateMulti(Query.query(Criteria.where("hostLogin.hostId").is(login.hostId())),
                new Update().set("hostLogin", HostLoginDocs.toDocument(login)).set("updatedAt", date(at)),
                MongoAccountStore.COLLECTION).getModifiedCount();
    }
}
