package io.mailsync.sync.adapter.out.mongo;

import static io.mailsync.sync.adapter.out.mongo.Docs.date;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountGrants;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.Grant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Grants inside the account document ({@link MongoAccountStore}'s collection), so the account read for publishing
 * carries them. A grant replaces the person's earlier one in two single-document writes ({@code $pull}, then
 * {@code $push}): between them the person briefly holds nothing, never more than either grant gave.
 */
@Component
class MongoAccountGrants implements AccountGrants {

    private final MongoTemplate mongo;
    private final AccountStore accounts;

    MongoAccountGrants(MongoTemplate mongo, AccountStore accounts) {
        this.mongo = mongo;
        this.accounts = accounts;
        mongo.indexOps(MongoAccountStore.COLLECTION).createIndex(new Index().on(GrantDocs.FIELD + ".person",
                Sort.Direction.ASC));
    }

    @Override
    public Optional<Account> grant(AccountId accountId, Grant grant, Instant at) {
        if (revoke(accountId, grant.person(), at).isEmpty()) {
            return Optional.empty();
        }
        mongo.updateFirst(byId(accountId), new Update().push(GrantDocs.FIELD, GrantDocs.toDocument(grant.toWire()))
                .set("updatedAt", date(at)), MongoAccountStore.COLLECTION);
        return accounts.find(accountId);
    }

    @Override
    public Optional<Account> revoke(AccountId accountId, String person, Instant at) {
        mongo.updateFirst(byId(accountId), new Update().pull(GrantDocs.FIELD, new Document("person", person))
                .set("updatedAt", date(at)), MongoAccountStore.COLLECTION);
        return accounts.find(accountId);
    }

    @Override
    public List<Account> sharedWith(String person) {
        Query query = Query.query(Criteria.where(GrantDocs.FIELD + ".person").is(person))
                .with(Sort.by("createdAt", "_id"));
        return mongo.find(query, Document.class, MongoAccountStore.COLLECTION).stream()
                .map(MongoAccountStore::toAccount).toList();
    }

    private static Query byId(AccountId accountId) {
        return Query.query(Criteria.where("_id").is(accountId.value()));
    }
}
