package io.mailsync.quota.adapter.out.mongo;

import io.mailsync.events.mail.AccountId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.mailsync.quota.application.AlertRecord;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One document per account in {@code alert_records}. The compare-and-set is an insert (the unique {@code _id}
 * lets only one of two racing first writers in) or a replace filtered on the version read.
 */
@Component
class MongoAlertRecordStore implements AlertRecordStore {

    private final MongoCollection<Document> records;

    MongoAlertRecordStore(MongoTemplate mongo) {
        this.records = mongo.getCollection("alert_records");
        records.createIndex(Indexes.ascending("nextDueAt"), new IndexOptions().name("next_due"));
    }

    @Override
    public Optional<AlertRecord> load(AccountId accountId) {
        return Optional.ofNullable(records.find(Filters.eq("_id", accountId.value())).first())
                .map(AlertRecordDocuments::fromDocument);
    }

    @Override
    public boolean compareAndSet(AlertRecord next) {
        Document doc = AlertRecordDocuments.toDocument(next, next.version() + 1);
        if (next.version() == 0) {
            try {
                records.insertOne(doc);
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return records.replaceOne(Filters.and(Filters.eq("_id", next.accountId().value()),
                Filters.eq("version", next.version())), doc).getMatchedCount() == 1;
    }

    @Override
    public List<AccountId> dueForDelivery(Instant now, int limit) {
        List<AccountId> ids = new ArrayList<>();
        records.find(Filters.lte("nextDueAt", Date.from(now))).projection(Projections.include("_id")).limit(limit)
                .forEach(d -> ids.add(AccountId.of(d.getString("_id"))));
        return ids;
    }

    @Override
    public void remove(AccountId accountId) {
        records.deleteOne(Filters.eq("_id", accountId.value()));
    }
}
