package io.mailsync.quota.application;

import io.mailsync.quota.application.port.out.UsageStore;

/** The fake keeps the contract the MongoDB adapter keeps, so use-case tests on it mean something. */
class InMemoryUsageStoreTest implements UsageStoreContract {

    private final InMemoryUsageStore store = new InMemoryUsageStore();

    @Override
    public UsageStore store() {
        return store;
    }
}
