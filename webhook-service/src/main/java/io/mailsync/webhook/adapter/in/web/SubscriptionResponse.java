package io.mailsync.webhook.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.domain.EventType;
import io.mailsync.webhook.domain.Subscription;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it. {@code secret} only in the answer that made it (creation or rotation);
 * {@code previousSecretRetiresAt} only after a rotation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionResponse(String id, String url, List<String> events, List<String> accounts, Instant createdAt,
                            String secret, Instant previousSecretRetiresAt) {

    static SubscriptionResponse of(Subscription s) {
        return withSecret(s, null, null);
    }

    static SubscriptionResponse withSecret(Subscription s, String secret, Instant previousRetiresAt) {
        return new SubscriptionResponse(s.id().value(), s.url().toString(),
                s.events().stream().map(EventType::wireName).sorted().toList(),
                s.accounts().stream().map(AccountId::value).sorted().toList(), s.createdAt(), secret, previousRetiresAt);
    }

    @Override
    public String toString() {
        return "SubscriptionResponse[" + id + "]";
    }
}
