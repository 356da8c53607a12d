package io.mailsync.webhook.application;

import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.SealedSecret;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake the use-case tests run on; {@link SubscriptionStoreContract} holds it to the Mongo adapter's behaviour. */
public final class InMemorySubscriptionStore implements SubscriptionStore {

    private final Map<SubscriptionId, Subscription> byId = new ConcurrentHashMap<>();

    @Override
    public void save(Subscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    @Override
    public Optional<Subscription> find(SubscriptionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Subscription> ofCustomer(String customerId) {
        return byId.values().stream().filter(s -> s.customerId().equals(customerId))
                .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(s -> s.id().value())).toList();
    }

    @Override
    public boolean delete(SubscriptionId id) {
        return byId.remove(id) != null;
    }

    @Override
    public List<Subscription> page(SubscriptionId after, int limit) {
        return byId.values().stream().filter(s -> after == null || s.id().value().compareTo(after.value()) > 0)
                .sorted(Comparator.comparing(s -> s.id().value())).limit(limit).toList();
    }

    @Override
    public boolean replaceSecrets(SubscriptionId id, List<SealedSecret> expected, List<SealedSecret> next) {
        Subscription current = byId.get(id);
        return current != null && current.secrets().equals(expected) && byId.replace(id, current,
                new Subscription(id, current.customerId(), current.url(), current.events(), current.accounts(), next,
                        current.createdAt()));
    }
}
