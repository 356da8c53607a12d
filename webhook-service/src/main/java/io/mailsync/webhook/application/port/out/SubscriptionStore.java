package io.mailsync.webhook.application.port.out;

import io.mailsync.webhook.domain.SealedSecret;
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

    /** Up to {@code limit} subscriptions in id order, after {@code after} (null: from the first); for key rotation. */
    List<Subscription> page(SubscriptionId after, int limit);

    /**
     * Replaces the subscription's sealed secrets only if they are still {@code expected} (a key rotation must not undo
     * a secret rotation made meanwhile); answers whether it did.
     */
    boolean replaceSecrets(SubscriptionId id, List<SealedSecret> expected, List<SealedSecret> next);
}
