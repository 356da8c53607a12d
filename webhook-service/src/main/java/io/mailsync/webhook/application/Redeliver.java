package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.SubscriptionId;
import java.time.Clock;

/** Queues a logged delivery again, parked or not, with its event id unchanged (the receiver may dedupe it). */
public final class Redeliver {

    private final SubscriptionStore subscriptions;
    private final DeliveryLog log;
    private final DeliveryQueue queue;
    private final Clock clock;

    public Redeliver(SubscriptionStore subscriptions, DeliveryLog log, DeliveryQueue queue, Clock clock) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.queue = queue;
        this.clock = clock;
    }

    /** False when the customer has no such subscription or the log no such event for it. */
    public boolean redeliver(String customerId, SubscriptionId id, String eventId) {
        if (ViewSubscriptions.owned(subscriptions, customerId, id).isEmpty()) {
            return false;
        }
        return log.find(id.value(), eventId).map(entry -> {
            Delivery again = entry.delivery().asRedelivery();
            log.requeued(again, clock.instant());
            queue.enqueue(again).await();
            return true;
        }).orElse(false);
    }
}
