package io.mailsync.quota.adapter.out.mongo;

import io.mailsync.quota.application.UsageStoreContract;
import io.mailsync.quota.application.port.out.UsageStore;
import java.time.Duration;

class MongoUsageStoreTest implements UsageStoreContract {

    private final MongoUsageStore store = new MongoUsageStore(TestMongo.template(), Duration.ofHours(1));

    @Override
    public UsageStore store() {
        return store;
    }
}
