package io.mailsync.quota.application;

import io.mailsync.quota.application.port.out.UsageStore;

/** A usage sample arrived: keep it, evaluate the account's levels at once, and deliver what that decided. */
public final class RecordUsage {

    private final UsageStore usage;
    private final EvaluateAccount evaluate;
    private final DeliverNotices deliver;

    public RecordUsage(UsageStore usage, EvaluateAccount evaluate, DeliverNotices deliver) {
        this.usage = usage;
        this.evaluate = evaluate;
        this.deliver = deliver;
    }

    public void record(UsageSample sample) {
        usage.record(sample);
        if (!evaluate.evaluate(sample.accountId()).isEmpty()) {
            // 100 % is told "at once": no waiting for the scheduler. A failure stays queued for it.
            deliver.deliver(sample.accountId());
        }
    }
}
