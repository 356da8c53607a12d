package io.mailsync.webhook.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.EventType;
import io.mailsync.webhook.domain.SealedSecret;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** One document per subscription; secrets only ever sealed ({@code SecretCipher} text). */
@Component
class MongoSubscriptionStore implements SubscriptionStore {

    private final MongoCollection<Document> subscriptions;

    MongoSubscriptionStore(MongoTemplate mongo) {
        this.subscriptions = mongo.getCollection("subscriptions");
        subscriptions.createIndex(Indexes.ascending("customerId"));
    }

    @Override
    public void save(Subscription s) {
        List<Document> secrets = secretDocs(s.secrets());
        Document doc = new Document("_id", s.id().value())
                .append("customerId", s.customerId())
                .append("url", s.url().toString())
                .append("events", s.events().stream().map(EventType::wireName).sorted().toList())
                .append("accounts", s.accounts().stream().map(AccountId::value).sorted().toList())
                .append("secrets", secrets)
                .append("createdAt", Date.from(s.createdAt()));
        subscriptions.replaceOne(Filters.eq("_id", s.id().value()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Subscription> find(SubscriptionId id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id.value())).first())
                .map(MongoSubscriptionStore::subscription);
    }

    @Override
    public List<Subscription> ofCustomer(String customerId) {
        List<Subscription> found = new ArrayList<>();
        subscriptions.find(Filters.eq("customerId", customerId)).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(doc -> found.add(subscription(doc)));
        return found;
    }

    @Override
    public boolean delete(SubscriptionId id) {
        return subscriptions.deleteOne(Filters.eq("_id", id.value())).getDeletedCount() > 0;
    }

    @Override
    public List<Subscription> page(SubscriptionId after, int limit) {
        List<Subscription> found = new ArrayList<>();
        subscriptions.find(after == null ? Filters.empty() : Filters.gt("_id", after.value()))
                .sort(Sorts.ascending("_id")).limit(limit).forEach(doc -> found.add(subscription(doc)));
        return found;
    }

    @Override
    public boolean replaceSecrets(SubscriptionId id, List<SealedSecret> expected, List<SealedSecret> next) {
        return subscriptions.updateOne(Filters.and(Filters.eq("_id", id.value()),
                        Filters.eq("secrets", secretDocs(expected))),
                Updates.set("secrets", secretDocs(next))).getModifiedCount() > 0;
    }

    private static List<Document> secretDocs(List<SealedSecret> secrets) {
        return secrets.stream().map(secret -> new Document("encrypted", secret.encrypted())
                .append("retiresAt", secret.retiresAt() == null ? null : Date.from(secret.retiresAt()))).toList();
    }

    private static Subscription subscription(Document doc) {
        List<SealedSecret> secrets = doc.getList("secrets", Document.class).stream()
                .map(s -> new SealedSecret(s.getString("encrypted"),
                        s.getDate("retiresAt") == null ? null : s.getDate("retiresAt").toInstant()))
                .toList();
        return new Subscription(new SubscriptionId(doc.getString("_id")), doc.getString("customerId"),
                URI.create(doc.getString("url")),
                // a type this build no longer knows is dropped, not a failure to read the subscription
                doc.getList("events", String.class).stream().flatMap(e -> EventType.ofWireName(e).stream())
                        .collect(java.util.stream.Collectors.toSet()),
                doc.getList("accounts", String.class).stream().map(AccountId::of)
                        .collect(java.util.stream.Collectors.toSet()),
                secrets, doc.getDate("createdAt").toInstant());
    }
}
