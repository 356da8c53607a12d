package io.mailsync.webhook.application.port.out;

import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.util.List;
import java.util.Optional;

/** Subscriptions, by id and by customer. */
public interface SubscriptionStore {

    void save(Subscription subscription);

    Optional<Subscription> find(SubscriptionId id);

    /** The customer's subscriptions, oldest first. */
    List<Subscription> ofCustomer(String customerId);

    /** Whether there was one to delete. */
    boolean delete(SubscriptionId id);
}
