package io.mailsync.quota.application;

import io.mailsync.quota.application.port.out.AlertRecordStore;

/** The fake keeps the contract the MongoDB adapter keeps, so use-case tests on it mean something. */
class InMemoryAlertRecordStoreTest implements AlertRecordStoreContract {

    private final InMemoryAlertRecordStore store = new InMemoryAlertRecordStore();

    @Override
    public AlertRecordStore store() {
        return store;
    }
}
