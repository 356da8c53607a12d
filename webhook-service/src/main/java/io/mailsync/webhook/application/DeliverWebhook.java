package io.mailsync.webhook.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.DeliveryLog;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.application.port.out.WebhookSender;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.DeliveryStatus;
import io.mailsync.webhook.domain.SendOutcome;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at one delivery: to the subscription's URL as it is now, signed by its secrets as they are now. A
 * delivery the log already has as delivered is not sent again (the fan-out can queue an event twice) unless the
 * customer asked for it; a failed attempt throws, and the queue retries it later or parks it.
 */
public final class DeliverWebhook {

    private final SubscriptionStore subscriptions;
    private final AccountOwners owners;
    private final SubscriptionSecrets secrets;
    private final WebhookSender sender;
    private final DeliveryLog log;
    private final Clock clock;

    public DeliverWebhook(SubscriptionStore subscriptions, AccountOwners owners, SubscriptionSecrets secrets,
                          WebhookSender sender, DeliveryLog log, Clock clock) {
        this.subscriptions = subscriptions;
        this.owners = owners;
        this.secrets = secrets;
        this.sender = sender;
        this.log = log;
        this.clock = clock;
    }

    /** What came of it; {@link DeliveryFailedException} when it should be tried again. */
    public Result deliver(Delivery delivery) {
        Optional<Subscription> subscription = subscriptions.find(new SubscriptionId(delivery.subscriptionId()));
        if (subscription.isEmpty()) {
            return Result.UNSUBSCRIBED;
        }
        if (!mayRead(subscription.get().customerId(), delivery.accountId())) {
            return Result.NO_ACCESS; // revoked (issue 23) or removed while queued: what is queued is not sent
        }
        if (!delivery.redelivery() && log.find(delivery.subscriptionId(), delivery.eventId())
                .filter(e -> e.status() == DeliveryStatus.DELIVERED).isPresent()) {
            return Result.ALREADY_DELIVERED;
        }
        Instant now = clock.instant();
        SendOutcome outcome = sender.send(subscription.get().url(), delivery,
                secrets.signing(subscription.get(), now), now);
        log.attempted(delivery, now, outcome);
        if (!outcome.delivered()) {
            throw new DeliveryFailedException(outcome.error());
        }
        return Result.DELIVERED;
    }

    private boolean mayRead(String customer, AccountId account) {
        return owners.holdersOf(account).map(holders -> holders.mayRead(customer)).orElse(false);
    }

    /** How a delivery ended without a retry. */
    public enum Result { DELIVERED, ALREADY_DELIVERED, UNSUBSCRIBED, NO_ACCESS }
}
