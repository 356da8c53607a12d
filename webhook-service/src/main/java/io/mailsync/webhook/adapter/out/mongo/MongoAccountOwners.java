package io.mailsync.webhook.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** {@code {_id: accountId, customerId, readers}}; replaying the accounts topic writes the same documents again. */
@Component
class MongoAccountOwners implements AccountOwners {

    private final MongoCollection<Document> owners;

    MongoAccountOwners(MongoTemplate mongo) {
        this.owners = mongo.getCollection("account_owners");
    }

    @Override
    public Optional<Holders> holdersOf(AccountId account) {
        return Optional.ofNullable(owners.find(Filters.eq("_id", account.value())).first())
                .map(doc -> new Holders(doc.getString("customerId"), Set.copyOf(doc.getList("readers", String.class,
                        List.of()))));
    }

    @Override
    public void record(AccountId account, String customerId, Set<String> readers) {
        owners.replaceOne(Filters.eq("_id", account.value()),
                new Document("_id", account.value()).append("customerId", customerId)
                        .append("readers", List.copyOf(new TreeSet<>(readers))),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void forget(AccountId account) {
        owners.deleteOne(Filters.eq("_id", account.value()));
    }
}
