package io.mailsync.quota.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.mailsync.quota.application.QuotaAccount;
import io.mailsync.quota.application.port.out.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
class MongoAccountStore implements AccountStore {

    private final MongoCollection<Document> accounts;

    MongoAccountStore(MongoTemplate mongo) {
        this.accounts = mongo.getCollection("accounts");
    }

    @Override
    public void save(QuotaAccount account) {
        Document doc = new Document("_id", account.accountId().value())
                .append("customerId", account.customerId())
                .append("contactAddress", account.contactAddress())
                .append("limitBytes", account.limitBytes())
                .append("limitMessages", account.limitMessages())
                .append("plan", account.plan())
                .append("readers", List.copyOf(account.readers()))
                .append("grantContacts", account.grantContacts());
        accounts.replaceOne(Filters.eq("_id", account.accountId().value()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<QuotaAccount> find(AccountId accountId) {
        Document doc = accounts.find(Filters.eq("_id", accountId.value())).first();
        return Optional.ofNullable(doc).map(d -> new QuotaAccount(AccountId.of(d.getString("_id")), d.getString("customerId"),
                d.getString("contactAddress"), d.getLong("limitBytes"), d.getLong("limitMessages"),
                d.getString("plan"), Set.copyOf(strings(d, "readers")), strings(d, "grantContacts")));
    }

    private static List<String> strings(Document doc, String key) {
        List<String> list = doc.getList(key, String.class);
        return list == null ? List.of() : list;
    }

    @Override
    public void remove(AccountId accountId) {
        accounts.deleteOne(Filters.eq("_id", accountId.value()));
    }

    @Override
    public List<AccountId> idsAfter(AccountId afterId, int limit) {
        List<AccountId> ids = new ArrayList<>();
        accounts.find(afterId == null ? new Document() : Filters.gt("_id", afterId.value()))
                .projection(Projections.include("_id")).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(d -> ids.add(AccountId.of(d.getString("_id"))));
        return ids;
    }
}
