package io.mailsync.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.crypto.SecretCipher;
import io.mailsync.events.mail.AccountId;
import io.mailsync.testkit.SettableClock;
import io.mailsync.webhook.domain.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, key rotation in every service: webhook signing secrets sealed with key A are sealed again with B by the
 * job, a retiring secret too; once A is removed, every subscription still signs with the same secrets.
 */
class ReEncryptSubscriptionSecretsTest {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=";
    private final SettableClock clock = SettableClock.fixedAt(Instant.parse("2026-12-03T08:00:00Z"));
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final Fakes.Owners owners = new Fakes.Owners();
    private final WebhookSettings settings = new WebhookSettings(false, Duration.ofHours(1), 10, 3);

    @Test
    void secretsUnderKeyAAreResealedWithBAndStillSignOnceAIsRemoved() {
        SubscriptionSecrets underA = new SubscriptionSecrets(new SecretCipher("a", KEY_A));
        owners.record(AccountId.of("a1"), "cust-1");
        CreateSubscription create = new CreateSubscription(store, owners, (host, port) -> Optional.empty(), underA,
                settings, clock);
        CreatedSubscription first = create.create(new NewSubscription("cust-1", "https://hooks.example.com/in",
                List.of("account.state"), List.of("a1")));
        CreatedSubscription second = create.create(new NewSubscription("cust-1", "https://hooks.example.com/2",
                List.of("account.state"), List.of("a1")));
        String rotatedTo = new RotateSecret(store, underA, settings, clock).rotate("cust-1",
                second.subscription().id()).orElseThrow().secret(); // the old one still signs: two secrets

        SubscriptionSecrets rotating = new SubscriptionSecrets(new SecretCipher("b", KEY_B, Map.of("a", KEY_A)));
        ReEncryptSubscriptionSecrets.Progress progress = new ReEncryptSubscriptionSecrets(store, rotating)
                .reEncryptAll();

        assertThat(progress).isEqualTo(new ReEncryptSubscriptionSecrets.Progress(2, 2, 0));
        assertThat(store.page(null, 10)).flatMap(Subscription::secrets)
                .allSatisfy(s -> assertThat(s.encrypted()).startsWith("v1:b:"));
        SubscriptionSecrets onlyB = new SubscriptionSecrets(new SecretCipher("b", KEY_B));
        assertThat(onlyB.signing(store.find(first.subscription().id()).orElseThrow(), clock.instant()))
                .containsExactly(first.secret());
        assertThat(onlyB.signing(store.find(second.subscription().id()).orElseThrow(), clock.instant()))
                .containsExactly(rotatedTo, second.secret());
        assertThat(new ReEncryptSubscriptionSecrets(store, rotating).reEncryptAll().reEncrypted())
                .as("a second run finds nothing to do").isZero();
    }

    @Test
    void aSecretNoConfiguredKeyOpensIsLeftAsItIsAndCounted() {
        SubscriptionSecrets underX = new SubscriptionSecrets(new SecretCipher("x", KEY_A));
        owners.record(AccountId.of("a1"), "cust-1");
        CreatedSubscription created = new CreateSubscription(store, owners, (host, port) -> Optional.empty(), underX,
                settings, clock).create(new NewSubscription("cust-1", "https://hooks.example.com/in",
                List.of("account.state"), List.of("a1")));
        Subscription before = store.find(created.subscription().id()).orElseThrow();

        ReEncryptSubscriptionSecrets.Progress progress = new ReEncryptSubscriptionSecrets(store,
                new SubscriptionSecrets(new SecretCipher("b", KEY_B, Map.of("a", KEY_A)))).reEncryptAll();

        assertThat(progress).isEqualTo(new ReEncryptSubscriptionSecrets.Progress(1, 0, 1));
        assertThat(store.find(created.subscription().id())).contains(before);
    }
}
