package io.mailsync.webhook.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.events.mail.AccountId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MongoAccountOwnersTest {

    private final MongoAccountOwners owners = new MongoAccountOwners(TestMongo.template());

    @Test
    void theLatestOwnerWinsAndAForgottenAccountHasNone() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        owners.record(account, "cust-1");
        owners.record(account, "cust-2");
        assertThat(owners.ownerOf(account)).contains("cust-2");
        owners.forget(account);
        assertThat(owners.ownerOf(account)).isEmpty();
    }

    @Test
    void readersAreKeptWithTheOwnerAndGoneWithARevocation() {
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        owners.record(account, "owner", java.util.Set.of("bob", "carol"));
        assertThat(owners.readersOf(account)).containsExactlyInAnyOrder("bob", "carol");
        assertThat(owners.holdersOf(account)).hasValueSatisfying(holders -> {
            assertThat(holders.customerId()).isEqualTo("owner");
            assertThat(holders.mayRead("bob")).isTrue();
            assertThat(holders.mayRead("owner")).isTrue();
            assertThat(holders.mayRead("mallory")).isFalse();
        });
        owners.record(account, "owner", java.util.Set.of("carol"));
        assertThat(owners.readersOf(account)).containsExactly("carol");
        assertThat(owners.readersOf(AccountId.of("acc-unknown-" + UUID.randomUUID()))).isEmpty();
    }
}
