package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AccountStore;
import io.mailsync.quota.application.port.out.UsageStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-evaluates every account against its latest sample and current limits, so a crossing that no sample
 * announced (a lowered limit, a missed event) is still told; the compare-and-set makes it safe on every replica.
 * Also forgets history older than the forecast needs.
 */
public final class ReconcileAccounts {

    private static final Logger log = LoggerFactory.getLogger(ReconcileAccounts.class);
    private static final int PAGE = 500;

    private final AccountStore accounts;
    private final UsageStore usage;
    private final EvaluateAccount evaluate;
    private final DeliverNotices deliver;
    private final QuotaSettings settings;
    private final Clock clock;

    public ReconcileAccounts(AccountStore accounts, UsageStore usage, EvaluateAccount evaluate,
                             DeliverNotices deliver, QuotaSettings settings, Clock clock) {
        this.accounts = accounts;
        this.usage = usage;
        this.evaluate = evaluate;
        this.deliver = deliver;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns the number of notices queued. */
    public int reconcileAll() {
        int queued = 0;
        AccountId after = null;
        List<AccountId> page;
        do {
            page = accounts.idsAfter(after, PAGE);
            for (AccountId accountId : page) {
                try {
                    int n = evaluate.evaluate(accountId).size();
                    if (n > 0) {
                        queued += n;
                        deliver.deliver(accountId);
                    }
                } catch (RuntimeException e) {
                    log.warn("account {}: reconciliation failed, next round retries: {}", accountId, e.toString());
                }
            }
            after = page.isEmpty() ? after : page.getLast();
        } while (page.size() == PAGE);
        usage.pruneBefore(clock.instant().minus(settings.history()));
        return queued;
    }
}
