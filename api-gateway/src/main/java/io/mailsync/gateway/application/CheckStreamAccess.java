package io.mailsync.gateway.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.GrantScope;
import io.mailsync.gateway.domain.Caller;

/**
 * For what the gateway serves itself, the event stream (issue 23): the owner, an admin, or a person whose grant
 * includes {@code read}; a grant without it is refused here, as a service refuses a missing scope.
 */
public final class CheckStreamAccess {

    private final AccountDirectory directory;

    public CheckStreamAccess(AccountDirectory directory) {
        this.directory = directory;
    }

    public boolean mayRead(Caller caller, AccountId accountId) {
        return caller.isAdmin() || directory.tenancyOf(accountId)
                .map(t -> t.allows(caller.customerId(), GrantScope.READ)).orElse(false);
    }
}
