package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.SubscriptionId;

/** Unsubscribes; deliveries still queued for it are dropped when their turn comes. */
public final class DeleteSubscription {

    private final SubscriptionStore store;

    public DeleteSubscription(SubscriptionStore store) {
        this.store = store;
    }

    /** False when the customer has no such subscription. */
    public boolean delete(String customerId, SubscriptionId id) {
        return ViewSubscriptions.owned(store, customerId, id).isPresent() && store.delete(id);
    }
}
