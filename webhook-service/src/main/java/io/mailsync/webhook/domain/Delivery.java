package io.mailsync.webhook.domain;

import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event for one subscription, as queued on {@code webhook.deliveries}: no URL and no secret (both are read at
 * delivery, so a rotation or a deletion applies to what is still queued).
 *
 * @param eventId    stable across retries, redeliveries and replicas: receivers dedupe by it (ADR 0013)
 * @param redelivery asked for by the customer: delivered even if the log says it was
 */
public record Delivery(String subscriptionId, String eventId, String type, AccountId accountId, Instant occurredAt,
                       Map<String, String> data, boolean redelivery) {

    public Delivery {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public Delivery asRedelivery() {
        return new Delivery(subscriptionId, eventId, type, accountId, occurredAt, data, true);
    }
}
