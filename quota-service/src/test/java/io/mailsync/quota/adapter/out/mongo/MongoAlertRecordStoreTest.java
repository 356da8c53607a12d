package io.mailsync.quota.adapter.out.mongo;

import io.mailsync.quota.application.AlertRecordStoreContract;
import io.mailsync.quota.application.port.out.AlertRecordStore;

class MongoAlertRecordStoreTest implements AlertRecordStoreContract {

    private final MongoAlertRecordStore store = new MongoAlertRecordStore(TestMongo.template());

    @Override
    public AlertRecordStore store() {
        return store;
    }
}
