package io.mailsync.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Subscription of(Set<AccountId> accounts) {
        return new Subscription(SubscriptionId.random(), "cust-1", URI.create("https://hooks.example.com/"),
                Set.of(EventType.STATE_CHANGED), accounts, List.of(new SealedSecret("v1:k:abc", null)), NOW);
    }

    @Test
    void noAccountsMeansEveryAccountOfItsCustomerAndNoOtherCustomers() {
        Subscription all = of(Set.of());
        assertThat(all.wants("cust-1", AccountId.of("a1"), EventType.STATE_CHANGED)).isTrue();
        assertThat(all.wants("cust-2", AccountId.of("a1"), EventType.STATE_CHANGED)).isFalse();
    }

    @Test
    void namedAccountsLimitIt() {
        Subscription one = of(Set.of(AccountId.of("a1")));
        assertThat(one.wants("cust-1", AccountId.of("a1"), EventType.STATE_CHANGED)).isTrue();
        assertThat(one.wants("cust-1", AccountId.of("a2"), EventType.STATE_CHANGED)).isFalse();
    }

    @Test
    void aRotatedOutSecretSignsBesideTheNewOneUntilItRetires() {
        Subscription rotated = of(Set.of()).rotatedTo(new SealedSecret("v1:k:new", null), NOW.plus(Duration.ofHours(1)));

        assertThat(rotated.signingAt(NOW)).extracting(SealedSecret::encrypted).containsExactly("v1:k:new", "v1:k:abc");
        assertThat(rotated.signingAt(NOW.plus(Duration.ofHours(1)))).extracting(SealedSecret::encrypted)
                .containsExactly("v1:k:new");
    }

    @Test
    void theStoredFormOfASecretIsNotPrinted() {
        assertThat(new SealedSecret("v1:k:abc", null).toString()).doesNotContain("abc");
    }
}
