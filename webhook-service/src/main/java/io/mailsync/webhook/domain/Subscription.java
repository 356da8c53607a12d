package io.mailsync.webhook.domain;

import io.mailsync.events.mail.AccountId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's subscription: these event types of these accounts (all the customer's accounts when none is named)
 * are POSTed to {@code url}, signed by every secret that still signs (two while one is rotated out).
 *
 * @param secrets the current secret first, then a retiring one
 */
public record Subscription(SubscriptionId id, String customerId, URI url, Set<EventType> events,
                           Set<AccountId> accounts, List<SealedSecret> secrets, Instant createdAt) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        events = Set.copyOf(events);
        accounts = Set.copyOf(accounts);
        secrets = List.copyOf(secrets);
        if (events.isEmpty() || secrets.isEmpty()) {
            throw new IllegalArgumentException("a subscription has at least one event type and one secret");
        }
    }

    /** Whether an event of {@code type} on {@code account}, owned by {@code owner}, goes to this subscription. */
    public boolean wants(String owner, AccountId account, EventType type) {
        return customerId.equals(owner) && events.contains(type) && (accounts.isEmpty() || accounts.contains(account));
    }

    /**
     * Whether an event of {@code type} on {@code account}, a mailbox shared with this subscription's customer
     * (issue 23), goes to it: only where the subscription names the account — "all my accounts" means the customer's
     * own, so a grant never widens a subscription the customer made before it.
     */
    public boolean wantsShared(AccountId account, EventType type) {
        return events.contains(type) && accounts.contains(account);
    }

    /** The secrets that sign a delivery made at {@code now}, current first. */
    public List<SealedSecret> signingAt(Instant now) {
        return secrets.stream().filter(s -> s.signsAt(now)).toList();
    }

    /** This subscription with {@code fresh} as its secret; the current one keeps signing until {@code retiresAt}. */
    public Subscription rotatedTo(SealedSecret fresh, Instant retiresAt) {
        return new Subscription(id, customerId, url, events, accounts,
                List.of(fresh, new SealedSecret(secrets.getFirst().encrypted(), retiresAt)), createdAt);
    }
}
