package io.mailsync.quota.adapter.out.mongo;

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
        Document doc = new Document("_id", account.accountId())
                .append("customerId", account.customerId())
                .append("contactAddress", account.contactAddress())
                .append("limitBytes", account.limitBytes())
                .append("limitMessages", account.limitMessages())
                .append("plan", account.plan());
        accounts.replaceOne(Filters.eq("_id", account.accountId()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<QuotaAccount> find(String accountId) {
        Document doc = accounts.find(Filters.eq("_id", accountId)).first();
        return Optional.ofNullable(doc).map(d -> new QuotaAccount(d.getString("_id"), d.getString("customerId"),
                d.getString("contactAddress"), d.getLong("limitBytes"), d.getLong("limitMessages"),
                d.getString("plan")));
    }

    @Override
    public void remove(String accountId) {
        accounts.deleteOne(Filters.eq("_id", accountId));
    }

    @Override
    public List<String> idsAfter(String afterId, int limit) {
        List<String> ids = new ArrayList<>();
        accounts.find(afterId == null ? new Document() : Filters.gt("_id", afterId))
                .projection(Projections.include("_id")).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
