package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.AccountEvent;
import io.mailsync.webhook.domain.Subscription;

/**
 * One event in, one queued delivery per subscription of the account's owner that wants it, and per subscription
 * naming the account of a person it is shared with to read (issue 23). The event id comes from
 * the event (ADR 0013), so the same event read twice — a rebalance, a replay — queues deliveries the receiver and the
 * log recognise as the same.
 */
public final class FanOut {

    private final AccountOwners owners;
    private final SubscriptionStore subscriptions;
    private final DeliveryQueue queue;

    public FanOut(AccountOwners owners, SubscriptionStore subscriptions, DeliveryQueue queue) {
        this.owners = owners;
        this.subscriptions = subscriptions;
        this.queue = queue;
    }

    /** Returns how many deliveries were queued. An account nobody owns (yet, or any more) queues none. */
    public int fanOut(AccountEvent event) {
        AccountOwners.Holders holders = owners.holdersOf(event.accountId()).orElse(null);
        if (holders == null) {
            return 0;
        }
        String owner = holders.customerId();
        int queued = 0;
        for (Subscription subscription : subscriptions.ofCustomer(owner)) {
            if (subscription.wants(owner, event.accountId(), event.type())) {
                queue.enqueue(event.deliveryFor(subscription.id()));
                queued++;
            }
        }
        for (String reader : holders.readers()) { // issue 23: people the mailbox is shared with
            for (Subscription subscription : subscriptions.ofCustomer(reader)) {
                if (subscription.wantsShared(event.accountId(), event.type())) {
                    queue.enqueue(event.deliveryFor(subscription.id()));
                    queued++;
                }
            }
        }
        return queued;
    }
}
