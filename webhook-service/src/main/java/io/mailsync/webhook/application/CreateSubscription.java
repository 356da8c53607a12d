package io.mailsync.webhook.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.application.port.out.TargetGuard;
import io.mailsync.webhook.domain.EventType;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import io.mailsync.webhook.domain.WebhookUrl;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Subscribes a customer: a URL that is https and passes the outbound policy (issue 19: "the same SSRF guard as
 * mailbox registration"), known event types, accounts that are the customer's own. The secret is returned once.
 */
public final class CreateSubscription {

    static final int MAX_ACCOUNTS = 100;

    private final SubscriptionStore store;
    private final AccountOwners owners;
    private final TargetGuard guard;
    private final SubscriptionSecrets secrets;
    private final WebhookSettings settings;
    private final Clock clock;

    public CreateSubscription(SubscriptionStore store, AccountOwners owners, TargetGuard guard,
                              SubscriptionSecrets secrets, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.owners = owners;
        this.guard = guard;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    public CreatedSubscription create(NewSubscription request) {
        if (store.ofCustomer(request.customerId()).size() >= settings.maxSubscriptionsPerCustomer()) {
            throw new InvalidSubscriptionException("at most " + settings.maxSubscriptionsPerCustomer()
                    + " webhook subscriptions per customer; delete one first");
        }
        URI url = url(request.url());
        Set<EventType> events = events(request.events());
        Set<AccountId> accounts = accounts(request.customerId(), request.accounts());
        SubscriptionId id = SubscriptionId.random();
        String secret = secrets.generate();
        Subscription subscription = new Subscription(id, request.customerId(), url, events, accounts,
                List.of(secrets.seal(id, secret)), clock.instant());
        store.save(subscription);
        return new CreatedSubscription(subscription, secret);
    }

    private URI url(String raw) {
        URI url;
        try {
            url = WebhookUrl.parse(raw, settings.allowHttp());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(e.getMessage());
        }
        Optional<String> refusal = guard.refusal(url.getHost(), WebhookUrl.port(url));
        if (refusal.isPresent()) {
            // the customer learns that it is refused, not which internal range the host is in (ADR 0008)
            throw new InvalidSubscriptionException("url: mailsync may not send to this host and port");
        }
        return url;
    }

    private static Set<EventType> events(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidSubscriptionException("events: name at least one of " + EventType.wireNames());
        }
        Set<EventType> events = new LinkedHashSet<>();
        for (String name : names) {
            events.add(EventType.ofWireName(name).orElseThrow(() -> new InvalidSubscriptionException(
                    "events: '" + name + "' is not one of " + EventType.wireNames())));
        }
        return events;
    }

    private Set<AccountId> accounts(String customerId, List<String> raw) {
        if (raw.size() > MAX_ACCOUNTS) {
            throw new InvalidSubscriptionException("accounts: at most " + MAX_ACCOUNTS + "; none means all yours");
        }
        Set<AccountId> accounts = new LinkedHashSet<>();
        for (String value : raw) {
            AccountId account;
            try {
                account = AccountId.of(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidSubscriptionException("accounts: '" + value + "' is not an account id");
            }
            // another customer's account reads as one that does not exist (ADR 0008)
            // or one shared with the customer to read (issue 23)
            if (!owners.holdersOf(account).map(holders -> holders.mayRead(customerId)).orElse(false)) {
                throw new InvalidSubscriptionException("accounts: no account " + value + " is yours");
            }
            accounts.add(account);
        }
        return accounts;
    }
}
