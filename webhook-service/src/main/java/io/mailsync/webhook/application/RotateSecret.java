package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A new secret for a subscription, shown once; the old one keeps signing for the grace period, so a receiver can
 * switch without losing a delivery (both signatures are sent meanwhile, ADR 0013).
 */
public final class RotateSecret {

    private final SubscriptionStore store;
    private final SubscriptionSecrets secrets;
    private final WebhookSettings settings;
    private final Clock clock;

    public RotateSecret(SubscriptionStore store, SubscriptionSecrets secrets, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    /** The new secret and until when the old one signs; empty when the customer has no such subscription. */
    public Optional<Rotated> rotate(String customerId, SubscriptionId id) {
        return ViewSubscriptions.owned(store, customerId, id).map(subscription -> {
            String secret = secrets.generate();
            Instant retiresAt = clock.instant().plus(settings.secretGrace());
            Subscription rotated = subscription.rotatedTo(secrets.seal(id, secret), retiresAt);
            store.save(rotated);
            return new Rotated(rotated, secret, retiresAt);
        });
    }

    /** The rotated subscription, its new secret in plain text, and when the previous secret stops signing. */
    public record Rotated(Subscription subscription, String secret, Instant previousRetiresAt) {

        @Override
        public String toString() {
            return "Rotated[" + subscription.id() + "]";
        }
    }
}
