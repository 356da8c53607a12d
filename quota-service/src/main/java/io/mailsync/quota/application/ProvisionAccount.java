package io.mailsync.quota.application;

import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.application.port.out.UsageStore;
import java.util.Optional;

/**
 * An account was registered, changed or removed on {@code mail.accounts}. A limit change only recomputes: a
 * crossing it causes is told by the next sample or the reconciliation, not by the change itself.
 */
public final class ProvisionAccount {

    private final AccountStore accounts;
    private final UsageStore usage;
    private final AlertRecordStore records;

    public ProvisionAccount(AccountStore accounts, UsageStore usage, AlertRecordStore records) {
        this.accounts = accounts;
        this.usage = usage;
        this.records = records;
    }

    /** {@code account} empty: the account is gone (tombstone), and so is everything kept about it. */
    public void apply(String accountId, Optional<QuotaAccount> account) {
        if (account.isPresent()) {
            accounts.save(account.get());
        } else {
            accounts.remove(accountId);
            usage.removeAll(accountId);
            records.remove(accountId);
        }
    }
}
