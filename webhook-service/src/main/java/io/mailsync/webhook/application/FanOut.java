package io.mailsync.webhook.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.EventType;
import io.mailsync.webhook.domain.Subscription;
import java.time.Instant;
import java.util.Map;

/**
 * One event in, one queued delivery per subscription of the account's owner that wants it. The event id is derived
 * from the event ({@code <accountId>:<state>} for a state change, ADR 0013), so the same event read twice — a
 * rebalance, a replay — queues deliveries the receiver and the log recognise as the same.
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
    public int stateAdvanced(AccountId account, String state, Instant occurredAt) {
        return fanOut(account, EventType.STATE_CHANGED, account.value() + ":" + state, occurredAt,
                Map.of("state", state));
    }

    private int fanOut(AccountId account, EventType type, String eventId, Instant occurredAt,
                       Map<String, String> data) {
        String owner = owners.ownerOf(account).orElse(null);
        if (owner == null) {
            return 0;
        }
        int queued = 0;
        for (Subscription subscription : subscriptions.ofCustomer(owner)) {
            if (subscription.wants(owner, account, type)) {
                queue.enqueue(new Delivery(subscription.id().value(), eventId, type.wireName(), account.value(),
                        occurredAt, data, false));
                queued++;
            }
        }
        return queued;
    }
}
