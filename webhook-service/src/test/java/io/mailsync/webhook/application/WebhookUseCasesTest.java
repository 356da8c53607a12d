package io.mailsync.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.SettableClock;
import io.mailsync.webhook.domain.AccountEvent;
import io.mailsync.webhook.domain.Delivery;
import io.mailsync.webhook.domain.DeliveryStatus;
import io.mailsync.webhook.domain.SendOutcome;
import io.mailsync.webhook.domain.Subscription;
import io.mailsync.webhook.domain.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookUseCasesTest {

    private final SettableClock clock = SettableClock.systemTime();
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final Fakes.Owners owners = new Fakes.Owners();
    private final Fakes.Queue queue = new Fakes.Queue();
    private final Fakes.Sender sender = new Fakes.Sender();
    private final SubscriptionSecrets secrets = new SubscriptionSecrets(Fakes.CIPHER);
    private final WebhookSettings settings = new WebhookSettings(false, Duration.ofHours(1), 10, 3);
    private final CreateSubscription create = new CreateSubscription(store, owners,
            (host, port) -> host.startsWith("10.") ? Optional.of("private") : Optional.empty(), secrets, settings, clock);
    private final FanOut fanOut = new FanOut(owners, store, queue);
    private final DeliverWebhook deliver = new DeliverWebhook(store, owners, secrets, sender, log, clock);

    private CreatedSubscription subscribe(String customer, List<String> accounts) {
        return create.create(new NewSubscription(customer, "https://hooks.example.com/in", List.of("account.state"),
                accounts));
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlySealed() {
        owners.record(AccountId.of("a1"), "cust-1");
        CreatedSubscription created = subscribe("cust-1", List.of("a1"));

        assertThat(created.secret()).startsWith("whsec_").hasSize(49);
        Subscription stored = store.find(created.subscription().id()).orElseThrow();
        assertThat(stored.secrets().getFirst().encrypted()).doesNotContain(created.secret());
        assertThat(secrets.signing(stored, clock.instant())).containsExactly(created.secret());
        assertThat(created.toString()).doesNotContain(created.secret());
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsStored() {
        owners.record(AccountId.of("b1"), "cust-2");
        assertThatThrownBy(() -> create.create(new NewSubscription("cust-1", "https://10.0.0.5/", List.of(
                "account.state"), List.of()))).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessage("url: mailsync may not send to this host and port");
        assertThatThrownBy(() -> create.create(new NewSubscription("cust-1", "https://hooks.example.com/",
                List.of("mail.teleported"), List.of()))).hasMessageContaining("not one of [account.state, message.arrived");
        assertThatThrownBy(() -> subscribe("cust-1", List.of("b1"))).hasMessage("accounts: no account b1 is yours");
        assertThatCode(() -> subscribe("cust-1", List.of())).doesNotThrowAnyException();
        assertThat(store.ofCustomer("cust-1")).hasSize(1);
    }

    @Test
    void aCustomerMayHaveOnlySoManySubscriptions() {
        for (int i = 0; i < 3; i++) {
            subscribe("cust-1", List.of());
        }
        assertThatThrownBy(() -> subscribe("cust-1", List.of())).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessage("at most 3 webhook subscriptions per customer; delete one first");
        assertThatCode(() -> subscribe("cust-2", List.of())).doesNotThrowAnyException();
    }

    @Test
    void anotherCustomersSubscriptionIsNotFoundForAnyVerb() {
        SubscriptionId id = subscribe("cust-1", List.of()).subscription().id();
        assertThat(new ViewSubscriptions(store).one("cust-2", id)).isEmpty();
        assertThat(new DeleteSubscription(store).delete("cust-2", id)).isFalse();
        assertThat(new RotateSecret(store, secrets, settings, clock).rotate("cust-2", id)).isEmpty();
        assertThat(new ViewDeliveries(store, log, settings).recent("cust-2", id)).isEmpty();
        assertThat(store.find(id)).isPresent();
    }

    @Test
    void aStateChangeGoesToEachOfTheOwnersMatchingSubscriptionsWithAStableEventId() {
        owners.record(AccountId.of("a1"), "cust-1");
        owners.record(AccountId.of("a2"), "cust-1");
        Subscription all = subscribe("cust-1", List.of()).subscription();
        subscribe("cust-1", List.of("a2"));
        subscribe("cust-other", List.of());
        Instant at = Instant.parse("2026-12-03T10:00:00Z");

        assertThat(fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s42", at))).isEqualTo(1);
        assertThat(fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s42", at))).isEqualTo(1);
        assertThat(fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("nobody"), "s1", at))).isZero();

        assertThat(queue.queued).extracting(Delivery::subscriptionId).containsOnly(all.id().value());
        assertThat(queue.queued).extracting(Delivery::eventId).containsOnly("a1:s42");
    }

    @Test
    void aPassHandsOnEveryDeliveryAtOnceAndNamesTheFirstEventOneOfWhichWasNotTaken() {
        owners.record(AccountId.of("a1"), "cust-1");
        subscribe("cust-1", List.of());
        queue.refusing = "a1:s2";
        FanOut.Pass pass = fanOut.pass();
        Instant at = clock.instant();

        pass.fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s1", at));
        pass.fanOut(AccountEvent.stateChanged(AccountId.of("nobody"), "s9", at)); // no delivery, still an event
        pass.fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s2", at));
        pass.fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s3", at));

        assertThat(queue.queued).extracting(Delivery::eventId).containsExactly("a1:s1", "a1:s2", "a1:s3");
        assertThatThrownBy(pass::awaitQueued).isInstanceOfSatisfying(FanOut.NotQueued.class,
                e -> assertThat(e.event()).isEqualTo(2)).hasMessage("the queue did not take a1:s2");
        queue.refusing = null;
        FanOut.Pass again = fanOut.pass();
        again.fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s2", at));
        assertThatCode(again::awaitQueued).doesNotThrowAnyException();
    }

    @Test
    void aFailedAttemptThrowsAndIsLoggedASuccessIsNotRepeatedUnlessRedelivered() {
        owners.record(AccountId.of("a1"), "cust-1");
        CreatedSubscription created = subscribe("cust-1", List.of());
        fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s1", clock.instant()));
        Delivery d = queue.queued.getFirst();

        sender.next = SendOutcome.answered(503);
        assertThatThrownBy(() -> deliver.deliver(d)).isInstanceOf(DeliveryFailedException.class)
                .hasMessage("the receiver answered 503");
        sender.next = SendOutcome.answered(200);
        assertThat(deliver.deliver(d)).isEqualTo(DeliverWebhook.Result.DELIVERED);
        assertThat(deliver.deliver(d)).isEqualTo(DeliverWebhook.Result.ALREADY_DELIVERED);
        assertThat(sender.sent).hasSize(2);
        assertThat(sender.sent.getFirst().secrets()).containsExactly(created.secret());
        assertThat(log.find(d.subscriptionId(), d.eventId()).orElseThrow().attempts()).isEqualTo(2);

        Redeliver redeliver = new Redeliver(store, log, queue, clock);
        assertThat(redeliver.redeliver("cust-1", created.subscription().id(), d.eventId())).isTrue();
        assertThat(redeliver.redeliver("cust-1", created.subscription().id(), "a1:nope")).isFalse();
        assertThat(deliver.deliver(queue.queued.getLast())).isEqualTo(DeliverWebhook.Result.DELIVERED);
        assertThat(sender.sent).hasSize(3);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() {
        owners.record(AccountId.of("a1"), "cust-1");
        CreatedSubscription created = subscribe("cust-1", List.of());
        RotateSecret.Rotated rotated = new RotateSecret(store, secrets, settings, clock)
                .rotate("cust-1", created.subscription().id()).orElseThrow();
        fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s1", clock.instant()));

        deliver.deliver(queue.queued.getLast());
        assertThat(sender.sent.getLast().secrets()).containsExactly(rotated.secret(), created.secret());

        clock.advance(Duration.ofHours(1));
        fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s2", clock.instant()));
        deliver.deliver(queue.queued.getLast());
        assertThat(sender.sent.getLast().secrets()).containsExactly(rotated.secret());
    }

    @Test
    void aDeliveryForADeletedSubscriptionIsDroppedAndAParkedOneIsLogged() {
        owners.record(AccountId.of("a1"), "cust-1");
        CreatedSubscription created = subscribe("cust-1", List.of());
        fanOut.pass().fanOut(AccountEvent.stateChanged(AccountId.of("a1"), "s1", clock.instant()));
        Delivery d = queue.queued.getFirst();
        new ParkDelivery(log, clock).park(d);
        assertThat(log.find(d.subscriptionId(), d.eventId()).orElseThrow().status()).isEqualTo(DeliveryStatus.PARKED);

        new DeleteSubscription(store).delete("cust-1", created.subscription().id());
        assertThat(deliver.deliver(d)).isEqualTo(DeliverWebhook.Result.UNSUBSCRIBED);
        assertThat(sender.sent).isEmpty();
    }
}
