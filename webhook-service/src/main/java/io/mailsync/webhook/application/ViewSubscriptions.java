package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.util.List;
import java.util.Optional;

/** A customer's subscriptions; another customer's subscription is not found (ADR 0008). */
public final class ViewSubscriptions {

    private final SubscriptionStore store;

    public ViewSubscriptions(SubscriptionStore store) {
        this.store = store;
    }

    public List<Subscription> all(String customerId) {
        return store.ofCustomer(customerId);
    }

    public Optional<Subscription> one(String customerId, SubscriptionId id) {
        return owned(store, customerId, id);
    }

    static Optional<Subscription> owned(SubscriptionStore store, String customerId, SubscriptionId id) {
        return store.find(id).filter(s -> s.customerId().equals(customerId));
    }
}
