package io.mailsync.quota.application;

import io.mailsync.quota.application.port.out.UsageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A usage sample arrived: keep it, evaluate the account's levels at once, and deliver what that decided. */
public final class RecordUsage {

    private static final Logger log = LoggerFactory.getLogger(RecordUsage.class);

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
            // 100 % is told "at once": no waiting for the retry timer. What fails here stays queued for it, so
            // a delivery problem must not make the sample itself look like a poison record.
            try {
                deliver.deliver(sample.accountId());
            } catch (RuntimeException e) {
                log.warn("account {}: delivery deferred to the retry timer: {}", sample.accountId(), e.toString());
            }
        }
    }
}
