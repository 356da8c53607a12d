package io.mailsync.quota.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.mailsync.quota.application.UsageSample;
import io.mailsync.quota.application.port.out.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The newest sample per account in {@code usage_latest}; the history in {@code usage_samples}, one document per
 * account and time bucket (the newest sample in it), so an account sampled every minute still keeps a bounded
 * number of points for the forecast. Both writes are conditional on being newer, so replays change nothing.
 */
@Component
class MongoUsageStore implements UsageStore {

    private final MongoCollection<Document> latest;
    private final MongoCollection<Document> samples;
    private final long bucketMillis;

    MongoUsageStore(MongoTemplate mongo, @Value("${mailsync.quota.history.bucket}") Duration bucket) {
        this.latest = mongo.getCollection("usage_latest");
        this.samples = mongo.getCollection("usage_samples");
        this.bucketMillis = bucket.toMillis();
        samples.createIndex(Indexes.ascending("accountId", "at"), new IndexOptions().name("account_at"));
    }

    @Override
    public void record(UsageSample sample) {
        long at = sample.at().toEpochMilli();
        replaceIfNewer(latest, sample.accountId().value(), sample);
        replaceIfNewer(samples, sample.accountId().value() + "|" + (at - Math.floorMod(at, bucketMillis)), sample);
    }

    private static void replaceIfNewer(MongoCollection<Document> collection, String id, UsageSample sample) {
        Bson olderOrAbsent = Filters.and(Filters.eq("_id", id), Filters.lt("at", Date.from(sample.at())));
        try {
            collection.replaceOne(olderOrAbsent, toDocument(id, sample), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // a newer (or the same) sample is stored already: a replay or an out-of-order event
        }
    }

    @Override
    public Optional<UsageSample> latest(AccountId accountId) {
        return Optional.ofNullable(latest.find(Filters.eq("_id", accountId.value())).first()).map(MongoUsageStore::toSample);
    }

    @Override
    public List<UsageSample> since(AccountId accountId, Instant since) {
        List<UsageSample> found = new ArrayList<>();
        samples.find(Filters.and(Filters.eq("accountId", accountId.value()), Filters.gte("at", Date.from(since))))
                .sort(Sorts.ascending("at")).forEach(d -> found.add(toSample(d)));
        return found;
    }

    @Override
    public void removeAll(AccountId accountId) {
        latest.deleteOne(Filters.eq("_id", accountId.value()));
        samples.deleteMany(Filters.eq("accountId", accountId.value()));
    }

    @Override
    public void pruneBefore(Instant before) {
        samples.deleteMany(Filters.lt("at", Date.from(before)));
    }

    private static Document toDocument(String id, UsageSample s) {
        return new Document("_id", id).append("accountId", s.accountId().value()).append("at", Date.from(s.at()))
                .append("storageUsed", s.storageUsed()).append("storageLimit", s.storageLimit())
                .append("messageCount", s.messageCount()).append("messageLimit", s.messageLimit());
    }

    private static UsageSample toSample(Document d) {
        return new UsageSample(AccountId.of(d.getString("accountId")), d.getDate("at").toInstant(), d.getLong("storageUsed"),
                d.getLong("storageLimit"), d.getLong("messageCount"), d.getLong("messageLimit"));
    }
}
