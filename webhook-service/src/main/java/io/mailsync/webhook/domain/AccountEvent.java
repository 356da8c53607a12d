package io.mailsync.webhook.domain;

import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to an account that a subscription may want, as webhook-service reads it off a topic.
 *
 * @param eventId stable for this event wherever it is read again: the source record's event id, or
 *                {@code <accountId>:<state>} for a state change (ADR 0013)
 * @param data    the few ids and values a receiver gets in {@code data}; never message content
 */
public record AccountEvent(AccountId accountId, EventType type, String eventId, Instant occurredAt,
                           Map<String, String> data) {

    public AccountEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = Map.copyOf(data);
    }

    public static AccountEvent stateChanged(AccountId account, String state, Instant occurredAt) {
        return new AccountEvent(account, EventType.STATE_CHANGED, account.value() + ":" + state, occurredAt,
                Map.of("state", state));
    }

    /** This event for one subscription. */
    public Delivery deliveryFor(SubscriptionId subscription) {
        return new Delivery(subscription.value(), eventId, type.wireName(), accountId, occurredAt, data, false);
    }
}
