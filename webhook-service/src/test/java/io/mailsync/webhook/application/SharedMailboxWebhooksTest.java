package io.mailsync.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.SettableClock;
import io.mailsync.webhook.domain.AccountEvent;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: a person a mailbox is shared with to read may subscribe to it by naming it; their subscription hears
 * its events while the grant lasts, and once it is revoked nothing more is queued and nothing still queued is sent.
 */
class SharedMailboxWebhooksTest {

    private static final AccountId SHARED = AccountId.of("shared-1");

    private final SettableClock clock = SettableClock.systemTime();
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final Fakes.Owners owners = new Fakes.Owners();
    private final Fakes.Queue queue = new Fakes.Queue();
    private final Fakes.Sender sender = new Fakes.Sender();
    private final SubscriptionSecrets secrets = new SubscriptionSecrets(Fakes.CIPHER);
    private final CreateSubscription create = new CreateSubscription(store, owners, (host, port) -> Optional.empty(),
            secrets, new WebhookSettings(false, Duration.ofHours(1), 10, 5), clock);
    private final FanOut fanOut = new FanOut(owners, store, queue);
    private final DeliverWebhook deliver = new DeliverWebhook(store, owners, secrets, sender, new InMemoryDeliveryLog(),
            clock);
    private final TrackAccountOwners track = new TrackAccountOwners(owners);

    private Subscription subscribe(String customer, List<String> accounts) {
        return create.create(new NewSubscription(customer, "https://hooks.example.com/" + customer,
                List.of("account.state"), accounts)).subscription();
    }

    @Test
    void aReaderNamingTheMailboxHearsItUntilRevoked() {
        track.apply(SHARED, Optional.of("owner"), Set.of("bob"));
        Subscription bobs = subscribe("bob", List.of(SHARED.value()));
        subscribe("bob", List.of()); // "all mine": bob's own accounts, not the one shared with him
        Subscription owners = subscribe("owner", List.of());

        assertThat(fanOut.pass().fanOut(AccountEvent.stateChanged(SHARED, "s1", clock.instant()))).isEqualTo(2);
        assertThat(queue.queued).extracting(Delivery::subscriptionId)
                .containsExactlyInAnyOrder(bobs.id().value(), owners.id().value());
        Delivery queuedForBob = queue.queued.stream().filter(d -> d.subscriptionId().equals(bobs.id().value()))
                .findFirst().orElseThrow();

        track.apply(SHARED, Optional.of("owner"), Set.of()); // revoked

        assertThat(deliver.deliver(queuedForBob)).isEqualTo(DeliverWebhook.Result.NO_ACCESS);
        assertThat(sender.sent).isEmpty();
        queue.queued.clear();
        assertThat(fanOut.pass().fanOut(AccountEvent.stateChanged(SHARED, "s2", clock.instant()))).isEqualTo(1);
        assertThat(queue.queued).extracting(Delivery::subscriptionId).containsExactly(owners.id().value());
    }

    @Test
    void anAccountIsListenedToWhenItsOwnerOrAReaderHasASubscriptionAndNotOtherwise() {
        AccountId unshared = AccountId.of("alone-1");
        track.apply(SHARED, Optional.of("owner"), Set.of("bob"));
        track.apply(unshared, Optional.of("carol"), Set.of());
        subscribe("dave", List.of()); // someone else's subscription is not a listener

        assertThat(fanOut.pass().anyoneListensTo(SHARED)).isFalse();
        assertThat(fanOut.pass().anyoneListensTo(unshared)).isFalse();
        assertThat(fanOut.pass().anyoneListensTo(AccountId.of("nobody-owns-it"))).isFalse();
        subscribe("bob", List.of(SHARED.value()));
        assertThat(fanOut.pass().anyoneListensTo(SHARED)).as("a reader's subscription").isTrue();
        subscribe("carol", List.of());
        assertThat(fanOut.pass().anyoneListensTo(unshared)).as("the owner's").isTrue();
    }

    @Test
    void aPassReadsTheSubscriptionsAsTheyWereWhenItFirstNeededThem() {
        track.apply(SHARED, Optional.of("owner"), Set.of());
        subscribe("owner", List.of());
        FanOut.Pass pass = fanOut.pass();
        assertThat(pass.fanOut(AccountEvent.stateChanged(SHARED, "s1", clock.instant()))).isEqualTo(1);

        subscribe("owner", List.of(SHARED.value())); // made while the run is fanned out: counts from the next run

        assertThat(pass.fanOut(AccountEvent.stateChanged(SHARED, "s2", clock.instant()))).isEqualTo(1);
        assertThat(fanOut.pass().fanOut(AccountEvent.stateChanged(SHARED, "s3", clock.instant()))).isEqualTo(2);
    }

    @Test
    void onlyAPersonWithReadMaySubscribeToASharedMailbox() {
        track.apply(SHARED, Optional.of("owner"), Set.of("bob"));

        assertThatThrownBy(() -> subscribe("eve", List.of(SHARED.value())))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessage("accounts: no account shared-1 is yours");
        assertThat(subscribe("bob", List.of(SHARED.value())).accounts()).containsExactly(SHARED);
    }
}
