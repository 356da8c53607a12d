package io.mailsync.sync.application;

import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;

/** Finds an account the caller may see: another customer's answers exactly like a missing one (ADR 0001). */
public class AccountAccess {

    private final AccountStore accounts;

    public AccountAccess(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Account require(Caller caller, String accountId) {
        return accounts.find(accountId)
                .filter(account -> caller.mayAct(account.customerId()))
                .orElseThrow(() -> new SyncProblems.NotFound("no account " + accountId));
    }
}
