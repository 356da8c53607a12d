package io.mailsync.webhook.application;

import java.util.List;
import java.util.Objects;

/** A customer's request for a subscription, as typed: checked by {@link CreateSubscription}. */
public record NewSubscription(String customerId, String url, List<String> events, List<String> accounts) {

    public NewSubscription {
        Objects.requireNonNull(customerId, "customerId");
        events = events == null ? List.of() : List.copyOf(events);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
}
