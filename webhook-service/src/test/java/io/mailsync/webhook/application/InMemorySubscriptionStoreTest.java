package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.SubscriptionStore;

class InMemorySubscriptionStoreTest implements SubscriptionStoreContract {

    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();

    @Override
    public SubscriptionStore store() {
        return store;
    }
}
