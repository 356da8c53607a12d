package io.mailsync.sync.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.sync.application.port.out.AccountStore;
import io.mailsync.sync.domain.Account;
import io.mailsync.sync.domain.Grant;
import io.mailsync.sync.domain.Need;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an account the caller may see: another customer's answers exactly like a missing one (ADR 0001). A person
 * the owner shared the mailbox with (issue 23) sees it too, and may do what their grant's scopes allow; what it does
 * not allow is 403 — they know the mailbox exists — and a revoked grant is 404 again at once (read from the store on
 * every request, never cached).
 */
public class AccountAccess {

    private final AccountStore accounts;

    public AccountAccess(AccountStore accounts) {
        this.accounts = accounts;
    }

    public Account require(Caller caller, AccountId accountId) {
        Account account = accounts.find(accountId)
                .orElseThrow(() -> SyncProblems.noAccount(accountId.value()));
        if (caller.mayAct(account.customerId())) {
            return account;
        }
        Grant grant = grantOf(account, caller.customerId())
                .orElseThrow(() -> SyncProblems.noAccount(accountId.value()));
        if (!grant.allows(caller.need())) {
            throw new SyncProblems.Forbidden(caller.need() == Need.OWNER
                    ? "only the mailbox's owner may do this on account " + accountId
                    : "your access to account " + accountId + " does not include "
                    + caller.need().scope().orElseThrow().wireName());
        }
        return account;
    }

    /** The grant {@code person} holds on {@code account}, if any. */
    static Optional<Grant> grantOf(Account account, String person) {
        return account.spec().grantsOrNone().stream().filter(g -> g.person().equals(person))
                .map(Grant::fromWire).filter(Objects::nonNull).findFirst();
    }
}
