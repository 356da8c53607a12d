package io.mailsync.quota.adapter.in.schedule;

import io.mailsync.quota.application.DeliverDueNotices;
import io.mailsync.quota.application.ReconcileAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs on every replica: both jobs are safe to run concurrently (compare-and-set on each account's record). */
@Component
class QuotaSchedules {

    private static final Logger log = LoggerFactory.getLogger(QuotaSchedules.class);

    private final ReconcileAccounts reconcile;
    private final DeliverDueNotices deliverDue;

    QuotaSchedules(ReconcileAccounts reconcile, DeliverDueNotices deliverDue) {
        this.reconcile = reconcile;
        this.deliverDue = deliverDue;
    }

    @Scheduled(fixedDelayString = "${mailsync.quota.reconcile-interval}",
            initialDelayString = "${mailsync.quota.reconcile-interval}")
    void reconcile() {
        int queued = reconcile.reconcileAll();
        if (queued > 0) {
            log.info("reconciliation queued {} notices", queued);
        }
    }

    @Scheduled(fixedDelayString = "${mailsync.quota.delivery.poll}")
    void retryDue() {
        deliverDue.deliverDue();
    }
}
