package io.mailsync.webhook.domain;

import java.util.Objects;
import java.util.UUID;

/** A subscription's id: {@code wh_} and 32 hex digits, as the API hands it out. */
public record SubscriptionId(String value) {

    private static final String PATTERN = "wh_[0-9a-f]{32}";

    public SubscriptionId {
        Objects.requireNonNull(value, "value");
        if (!value.matches(PATTERN)) {
            throw new IllegalArgumentException("a subscription id is wh_ and 32 hex digits");
        }
    }

    public static SubscriptionId random() {
        return new SubscriptionId("wh_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
