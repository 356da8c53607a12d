package io.mailsync.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import io.mailsync.webhook.application.port.out.SubscriptionStore;
import io.mailsync.webhook.domain.EventType;
import io.mailsync.webhook.domain.SealedSecret;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionStore} does: run by the in-memory fake's test and by the Mongo adapter's. */
public interface SubscriptionStoreContract {

    SubscriptionStore store();

    static Subscription aSubscription(String customer, Instant createdAt) {
        return new Subscription(SubscriptionId.random(), customer, URI.create("https://hooks.example.com/in?t=1"),
                Set.of(EventType.STATE_CHANGED), Set.of(AccountId.of("acc-1")),
                List.of(new SealedSecret("v1:k:sealed", null)), createdAt.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    default void aSavedSubscriptionReadsBackEqual() {
        Subscription s = aSubscription("cust-" + UUID.randomUUID(), Instant.now());
        store().save(s);
        assertThat(store().find(s.id())).contains(s);
    }

    @Test
    default void aCustomerSeesOnlyItsOwnOldestFirst() {
        String customer = "cust-" + UUID.randomUUID();
        Instant t = Instant.now();
        Subscription second = aSubscription(customer, t.plusSeconds(1));
        Subscription first = aSubscription(customer, t);
        store().save(second);
        store().save(first);
        store().save(aSubscription("other-" + UUID.randomUUID(), t));
        assertThat(store().ofCustomer(customer)).containsExactly(first, second);
    }

    @Test
    default void aRotationReplacesTheSecretsAndKeepsTheRetiringOne() {
        Subscription s = aSubscription("cust-" + UUID.randomUUID(), Instant.now());
        store().save(s);
        Subscription rotated = s.rotatedTo(new SealedSecret("v1:k:new", null),
                Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        store().save(rotated);
        assertThat(store().find(s.id()).orElseThrow().secrets()).isEqualTo(rotated.secrets());
    }

    @Test
    default void pagesGoInIdOrderAndReachEverySubscription() {
        String customer = "cust-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            store().save(aSubscription(customer, Instant.now()));
        }
        List<SubscriptionId> seen = new java.util.ArrayList<>();
        for (List<Subscription> page = store().page(null, 2); !page.isEmpty();
             page = store().page(page.getLast().id(), 2)) {
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.forEach(s -> seen.add(s.id()));
        }
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.comparing(SubscriptionId::value))
                .containsAll(store().ofCustomer(customer).stream().map(Subscription::id).toList());
    }

    @Test
    default void secretsAreReplacedOnlyOverTheOnesExpected() {
        Subscription s = aSubscription("cust-" + UUID.randomUUID(), Instant.now());
        store().save(s);
        List<SealedSecret> resealed = List.of(new SealedSecret("v1:k2:resealed", null));

        assertThat(store().replaceSecrets(s.id(), List.of(new SealedSecret("v1:k:other", null)), resealed))
                .as("a secret rotated meanwhile").isFalse();
        assertThat(store().replaceSecrets(s.id(), s.secrets(), resealed)).isTrue();
        assertThat(store().find(s.id()).orElseThrow().secrets()).isEqualTo(resealed);
    }

    @Test
    default void deletingSaysWhetherThereWasOne() {
        Subscription s = aSubscription("cust-" + UUID.randomUUID(), Instant.now());
        store().save(s);
        assertThat(store().delete(s.id())).isTrue();
        assertThat(store().delete(s.id())).isFalse();
        assertThat(store().find(s.id())).isEmpty();
    }
}
