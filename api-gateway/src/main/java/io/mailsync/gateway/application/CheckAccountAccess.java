package io.mailsync.gateway.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.gateway.domain.AccountAccess;
import io.mailsync.gateway.domain.Caller;

/** Tenant isolation at the edge: may this caller reach this account? */
public final class CheckAccountAccess {

    private final AccountDirectory directory;

    public CheckAccountAccess(AccountDirectory directory) {
        this.directory = directory;
    }

    public AccountAccess check(Caller caller, AccountId accountId) {
        return AccountAccess.of(caller, directory.tenancyOf(accountId));
    }
}
