package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries the notices whose back-off has run out, across all accounts (a scheduler calls this). */
public final class DeliverDueNotices {

    private static final Logger log = LoggerFactory.getLogger(DeliverDueNotices.class);
    private static final int BATCH = 200;

    private final AlertRecordStore records;
    private final DeliverNotices deliver;
    private final Clock clock;

    public DeliverDueNotices(AlertRecordStore records, DeliverNotices deliver, Clock clock) {
        this.records = records;
        this.deliver = deliver;
        this.clock = clock;
    }

    public int deliverDue() {
        int delivered = 0;
        for (AccountId accountId : records.dueForDelivery(clock.instant(), BATCH)) {
            try {
                delivered += deliver.deliver(accountId);
            } catch (RuntimeException e) {
                log.warn("account {}: delivery failed, will retry: {}", accountId, e.toString());
            }
        }
        return delivered;
    }
}
