package io.mailsync.fetcher.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import io.mailsync.fetcher.application.port.out.OwnerEpochs;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per account in the fetchers' shared database: {@code $inc} in a single findAndModify is the
 * compare-and-set that makes epochs monotonic across every fetcher. Kept when an account is removed, so a
 * re-registered account never reuses an epoch.
 */
@Component
class MongoOwnerEpochs implements OwnerEpochs {

    static final String EPOCHS = "owner_epochs";

    private final MongoTemplate mongo;

    MongoOwnerEpochs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long take(AccountId accountId, String owner) {
        Document taken = mongo.findAndModify(byId(accountId),
                new Update().inc("epoch", 1L).set("owner", owner).set("token", UUID.randomUUID().toString())
                        .set("takenAt", Instant.now()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, EPOCHS);
        if (taken == null) {
            throw new IllegalStateException("no owner epoch taken for account " + accountId);
        }
        return taken.get("epoch", Number.class).longValue();
    }

    /**
     * One unordered bulk of the same upserts, each also setting a token of this call, then one read: an account whose
     * document carries the token holds the epoch this call's {@code $inc} produced (any later take replaced the
     * token); one that does not — taken by another fetcher in between — is taken again on its own.
     */
    @Override
    public Map<AccountId, Long> takeAll(Collection<AccountId> accountIds, String owner) {
        Set<AccountId> ids = new LinkedHashSet<>(accountIds);
        if (ids.size() < 2) {
            return OwnerEpochs.super.takeAll(ids, owner);
        }
        String token = UUID.randomUUID().toString();
        Instant now = Instant.now();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EPOCHS);
        ids.forEach(id -> bulk.upsert(byId(id), new Update().inc("epoch", 1L).set("owner", owner).set("token", token)
                .set("takenAt", now)));
        bulk.execute();
        List<String> keys = ids.stream().map(AccountId::value).toList();
        Map<String, Document> read = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, EPOCHS)
                .forEach(d -> read.put(d.getString("_id"), d));
        Map<AccountId, Long> taken = new HashMap<>();
        for (AccountId id : ids) {
            Document d = read.get(id.value());
            taken.put(id, d != null && token.equals(d.getString("token"))
                    ? d.get("epoch", Number.class).longValue() : take(id, owner));
        }
        return taken;
    }

    @Override
    public boolean holds(AccountId accountId, long epoch) {
        Document current = mongo.findById(accountId.value(), Document.class, EPOCHS);
        return current != null && current.get("epoch", Number.class).longValue() == epoch;
    }

    private static Query byId(AccountId accountId) {
        return Query.query(Criteria.where("_id").is(accountId.value()));
    }
}
