package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import io.mailsync.quota.application.port.out.UsageStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account was registered, changed or removed on {@code mail.accounts}. Its usage is re-evaluated at once: the
 * two topics are read independently, so a sample may have come before its account, and a lowered limit can push
 * usage over a level that no sample will announce. A raised limit only re-arms levels, silently (a full mailbox
 * still hears that it is back under quota).
 */
public final class ProvisionAccount {

    private static final Logger log = LoggerFactory.getLogger(ProvisionAccount.class);

    private final AccountStore accounts;
    private final UsageStore usage;
    private final AlertRecordStore records;
    private final EvaluateAccount evaluate;
    private final DeliverNotices deliver;

    public ProvisionAccount(AccountStore accounts, UsageStore usage, AlertRecordStore records,
                            EvaluateAccount evaluate, DeliverNotices deliver) {
        this.accounts = accounts;
        this.usage = usage;
        this.records = records;
        this.evaluate = evaluate;
        this.deliver = deliver;
    }

    /** {@code account} empty: the account is gone (tombstone), and so is everything kept about it. */
    public void apply(AccountId accountId, Optional<QuotaAccount> account) {
        if (account.isPresent()) {
            accounts.save(account.get());
            if (!evaluate.evaluate(accountId).isEmpty()) {
                try {
                    deliver.deliver(accountId);
                } catch (RuntimeException e) { // still queued: the retry timer delivers it
                    log.warn("account {}: delivery deferred to the retry timer: {}", accountId, e.toString());
                }
            }
        } else {
            accounts.remove(accountId);
            usage.removeAll(accountId);
            records.remove(accountId);
        }
    }
}
