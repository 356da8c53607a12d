package io.mailsync.fetcher.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.RotatedRefreshTokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One document per account ({@code _id} the account id): its lineage and the encrypted token, nothing in clear. */
@Component
class MongoRotatedRefreshTokens implements RotatedRefreshTokens {

    static final String TOKENS = "rotated_refresh_tokens";

    private final MongoTemplate mongo;

    MongoRotatedRefreshTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> find(AccountId accountId, String lineage) {
        Document d = mongo.findOne(Query.query(where("_id").is(accountId.value()).and("lineage").is(lineage)),
                Document.class, TOKENS);
        return Optional.ofNullable(d).map(doc -> doc.getString("token"));
    }

    @Override
    public void keep(AccountId accountId, String lineage, String encryptedToken) {
        mongo.upsert(Query.query(where("_id").is(accountId.value())), new Update().set("lineage", lineage)
                .set("token", encryptedToken).set("at", Instant.now()), TOKENS);
    }

    @Override
    public List<Stored> all() {
        return mongo.findAll(Document.class, TOKENS).stream()
                .map(d -> new Stored(AccountId.of(d.getString("_id")), d.getString("token"))).toList();
    }

    @Override
    public boolean replace(AccountId accountId, String expected, String encryptedToken) {
        return mongo.updateFirst(Query.query(where("_id").is(accountId.value()).and("token").is(expected)),
                new Update().set("token", encryptedToken), TOKENS).getModifiedCount() > 0;
    }
}
