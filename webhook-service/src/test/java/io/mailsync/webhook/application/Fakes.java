package io.mailsync.webhook.application;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.AccountOwners;
import io.mailsync.webhook.application.port.out.DeliveryQueue;
import io.mailsync.webhook.application.port.out.WebhookSender;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.SendOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Collaborators of the use cases, in memory. */
final class Fakes {

    static final SecretCipher CIPHER = new SecretCipher("k1", Base64.getEncoder().encodeToString(new byte[32]));

    private Fakes() {
    }

    static final class Owners implements AccountOwners {
        final Map<AccountId, String> owners = new ConcurrentHashMap<>();
        final Map<AccountId, java.util.Set<String>> readers = new ConcurrentHashMap<>();

        @Override
        public Optional<Holders> holdersOf(AccountId account) {
            return Optional.ofNullable(owners.get(account))
                    .map(owner -> new Holders(owner, readers.getOrDefault(account, java.util.Set.of())));
        }

        @Override
        public void record(AccountId account, String customerId, java.util.Set<String> people) {
            owners.put(account, customerId);
            readers.put(account, java.util.Set.copyOf(people));
        }

        @Override
        public void forget(AccountId account) {
            owners.remove(account);
            readers.remove(account);
        }
    }

    /** Takes every delivery, except that of the event {@link #refusing} names (its await throws). */
    static final class Queue implements DeliveryQueue {
        final List<Delivery> queued = new ArrayList<>();
        String refusing;

        @Override
        public Queued enqueue(Delivery delivery) {
            queued.add(delivery);
            boolean refused = delivery.eventId().equals(refusing);
            return () -> {
                if (refused) {
                    throw new IllegalStateException("the queue did not take " + delivery.eventId());
                }
            };
        }
    }

    /** Answers with {@link #next}; remembers what it was asked to send. */
    static final class Sender implements WebhookSender {
        record Sent(URI url, Delivery delivery, List<String> secrets, Instant at) {
        }

        final List<Sent> sent = new ArrayList<>();
        SendOutcome next = SendOutcome.answered(204);

        @Override
        public SendOutcome send(URI url, Delivery delivery, List<String> secrets, Instant now) {
            sent.add(new Sent(url, delivery, secrets, now));
            return next;
        }
    }
}
