package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.DeliveryLogEntry;
import io.mailsync.webhook.domain.SubscriptionId;
import java.util.List;
import java.util.Optional;

/** The delivery log of one of the customer's subscriptions, newest first; empty for another customer's. */
public final class ViewDeliveries {

    private final SubscriptionStore subscriptions;
    private final DeliveryLog log;
    private final WebhookSettings settings;

    public ViewDeliveries(SubscriptionStore subscriptions, DeliveryLog log, WebhookSettings settings) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.settings = settings;
    }

    public Optional<List<DeliveryLogEntry>> recent(String customerId, SubscriptionId id) {
        return ViewSubscriptions.owned(subscriptions, customerId, id)
                .map(s -> log.recent(id.value(), settings.logPageSize()));
    }
}
