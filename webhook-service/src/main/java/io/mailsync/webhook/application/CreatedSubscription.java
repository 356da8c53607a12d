package io.mailsync.webhook.application;

import io.mailsync.webhook.domain.Subscription;

/** A new subscription and its secret in plain text, shown to the customer this once. */
public record CreatedSubscription(Subscription subscription, String secret) {

    @Override
    public String toString() {
        return "CreatedSubscription[" + subscription.id() + "]";
    }
}
