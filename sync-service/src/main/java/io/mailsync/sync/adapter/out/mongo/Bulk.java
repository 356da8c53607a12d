package io.mailsync.sync.adapter.out.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Unordered bulk writes (one round trip for a batch) that tell which writes hit a unique index. The result's
 * insertedCount is not relied on: the MongoDB wire server used in tests over-counts it (ENVIRONMENT.md).
 */
final class Bulk {

    private static final int DUPLICATE_KEY = 11000;

    private Bulk() {
    }

    /** Writes all; returns the indexes (into {@code writes}) refused as duplicate keys. Other errors are thrown. */
    static Set<Integer> writeSkippingDuplicates(MongoCollection<Document> collection,
                                                List<? extends WriteModel<Document>> writes) {
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            return duplicates;
        }
    }
}
