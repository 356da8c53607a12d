package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.AlertRecordStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake of {@link AlertRecordStore}: the same compare-and-set on the version, in a map. */
public class InMemoryAlertRecordStore implements AlertRecordStore {

    private final Map<AccountId, AlertRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<AlertRecord> load(AccountId accountId) {
        return Optional.ofNullable(records.get(accountId));
    }

    @Override
    public synchronized boolean compareAndSet(AlertRecord next) {
        AlertRecord current = records.get(next.accountId());
        long stored = current == null ? 0 : current.version();
        if (stored != next.version()) {
            return false;
        }
        records.put(next.accountId(), new AlertRecord(next.accountId(), next.version() + 1, next.states(),
                next.outbox(), next.sent(), next.claimedBy(), next.claimedUntil()));
        return true;
    }

    @Override
    public List<AccountId> dueForDelivery(Instant now, int limit) {
        return records.values().stream().filter(r -> r.nextDueAt() != null && !r.nextDueAt().isAfter(now))
                .map(AlertRecord::accountId).limit(limit).toList();
    }

    @Override
    public void remove(AccountId accountId) {
        records.remove(accountId);
    }
}
