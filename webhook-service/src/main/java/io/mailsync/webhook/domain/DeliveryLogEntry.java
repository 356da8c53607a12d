package io.mailsync.webhook.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the delivery log says about one event for one subscription.
 *
 * @param lastError what the last failed attempt met (a status code or a connection failure), never a secret
 */
public record DeliveryLogEntry(Delivery delivery, DeliveryStatus status, int attempts, Instant lastAttemptAt,
                               int lastStatusCode, String lastError) {

    public DeliveryLogEntry {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(status, "status");
    }
}
