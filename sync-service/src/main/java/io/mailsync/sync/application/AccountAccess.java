package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import java.util.Optional;

/** Finds an account the caller may see: another customer's answers exactly like a missing one (ADR 0001). */
public class AccountAccess {

    private final AccountStore accounts;

    public AccountAccess(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Account require(Caller caller, String accountId) {
        return named(accountId).flatMap(accounts::find)
                .filter(account -> caller.mayAct(account.customerId()))
                .orElseThrow(() -> new SyncProblems.NotFound("no account " + accountId));
    }

    /** The account a caller or an event names, where the name can be one; empty (no such account) where not. */
    static Optional<AccountId> named(String accountId) {
        try {
            return Optional.of(AccountId.of(accountId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
