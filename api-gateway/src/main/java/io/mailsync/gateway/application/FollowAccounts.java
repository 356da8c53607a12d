package io.mailsync.gateway.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import io.mailsync.gateway.domain.Tenancy;
import java.util.Optional;

/**
 * Follows the accounts topic: who owns each account and who it is shared with (issue 23). A person who may no longer
 * read an account — revoked, or the account removed — loses their open event streams on this replica at once.
 */
public final class FollowAccounts {

    private final AccountDirectory directory;
    private final PushHub hub;

    public FollowAccounts(AccountDirectory directory, PushHub hub) {
        this.directory = directory;
        this.hub = hub;
    }

    /** {@code tenancy} empty: the account was removed. */
    public void apply(AccountId accountId, Optional<Tenancy> tenancy) {
        tenancy.ifPresentOrElse(t -> {
            directory.registered(accountId, t);
            hub.cutOff(accountId, person -> t.allows(person, GrantScope.READ));
        }, () -> {
            directory.removed(accountId);
            hub.cutOff(accountId, person -> false);
        });
    }
}
