package io.mailsync.quota.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.AlertRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alert records, changed only by compare-and-set on their version. */
public interface AlertRecordStore {

    Optional<AlertRecord> load(AccountId accountId);

    /**
     * Stores {@code next} if the stored version is still {@code next.version()} (0: nothing stored yet), as
     * version + 1. False when another writer got there first: reload and decide again.
     */
    boolean compareAndSet(AlertRecord next);

    /** Accounts with an outbox entry due at {@code now}, at most {@code limit}. */
    List<AccountId> dueForDelivery(Instant now, int limit);

    void remove(AccountId accountId);
}
