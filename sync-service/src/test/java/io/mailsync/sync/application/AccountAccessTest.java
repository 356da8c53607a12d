package io.mailsync.sync.application;

import static io.mailsync.testkit.builders.AccountSpecBuilder.anAccountSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.fake.InMemoryAccountStore;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.Need;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 23: who may reach a mailbox, and do what — the owner, an admin, a person with a grant, anyone else. */
class AccountAccessTest {

    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final AccountAccess access = new AccountAccess(accounts);

    private void shared(String accountId, String... scopes) {
        accounts.insert(new Account(anAccountSpec().forAccount(accountId).ofCustomer("owner")
                .sharedWith("bob", null, scopes).build(), Account.PENDING, null, null, Instant.now()));
    }

    @Test
    void aGrantAllowsItsScopesAndRefusesTheRestWith403() {
        shared("acc-1", "read");

        assertThat(access.require(new Caller("bob", false, Need.READ),
                AccountId.of("acc-1")).accountId()).isEqualTo(AccountId.of("acc-1"));
        assertThatThrownBy(() -> access.require(new Caller("bob", false, Need.WRITE), AccountId.of("acc-1")))
                .isInstanceOf(SyncProblems.Forbidden.class).hasMessageContaining("does not include write");
        assertThatThrownBy(() -> access.require(new Caller("bob", false, Need.MANAGE_DEVICES), AccountId.of("acc-1")))
                .isInstanceOf(SyncProblems.Forbidden.class).hasMessageContaining("manage-devices");
        assertThatThrownBy(() -> access.require(new Caller("bob", false, Need.OWNER), AccountId.of("acc-1")))
                .isInstanceOf(SyncProblems.Forbidden.class).hasMessageContaining("only the mailbox's owner");
    }

    @Test
    void withoutAGrantItIs404AsForAMissingAccount_andTheOwnerAndAdminMayDoAnything() {
        shared("acc-2", "read", "write", "manage-devices");

        assertThatThrownBy(() -> access.require(new Caller("eve", false, Need.READ), AccountId.of("acc-2")))
                .isInstanceOf(SyncProblems.NotFound.class).hasMessage("no account acc-2");
        assertThatThrownBy(() -> access.require(new Caller("bob", false, Need.READ), AccountId.of("acc-missing")))
                .isInstanceOf(SyncProblems.NotFound.class).hasMessage("no account acc-missing");
        assertThat(access.require(new Caller("owner", false, Need.OWNER), AccountId.of("acc-2"))).isNotNull();
        assertThat(access.require(new Caller("ops", true, Need.OWNER), AccountId.of("acc-2"))).isNotNull();
    }

    @Test
    void aGrantNamingOnlyScopesThisBuildDoesNotKnowGrantsNothing() {
        shared("acc-3", "teleport");

        assertThatThrownBy(() -> access.require(new Caller("bob", false, Need.READ), AccountId.of("acc-3")))
                .isInstanceOf(SyncProblems.NotFound.class);
    }
}
