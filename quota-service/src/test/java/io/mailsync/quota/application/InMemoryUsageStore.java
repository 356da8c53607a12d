package io.mailsync.quota.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.quota.application.port.out.UsageStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake of {@link UsageStore}: newest per account, and one sample per account and hour. */
public class InMemoryUsageStore implements UsageStore {

    private static final long BUCKET = 3_600_000;
    private final Map<AccountId, UsageSample> latest = new ConcurrentHashMap<>();
    private final Map<String, UsageSample> history = new ConcurrentHashMap<>();

    @Override
    public synchronized void record(UsageSample sample) {
        latest.merge(sample.accountId(), sample, InMemoryUsageStore::newer);
        long at = sample.at().toEpochMilli();
        history.merge(sample.accountId().value() + "|" + (at - Math.floorMod(at, BUCKET)), sample, InMemoryUsageStore::newer);
    }

    private static UsageSample newer(UsageSample a, UsageSample b) {
        return b.at().isAfter(a.at()) ? b : a;
    }

    @Override
    public Optional<UsageSample> latest(AccountId accountId) {
        return Optional.ofNullable(latest.get(accountId));
    }

    @Override
    public List<UsageSample> since(AccountId accountId, Instant since) {
        return history.values().stream().filter(s -> s.accountId().equals(accountId) && !s.at().isBefore(since))
                .sorted(Comparator.comparing(UsageSample::at)).toList();
    }

    @Override
    public void removeAll(AccountId accountId) {
        latest.remove(accountId);
        history.values().removeIf(s -> s.accountId().equals(accountId));
    }

    @Override
    public void pruneBefore(Instant before) {
        history.values().removeIf(s -> s.at().isBefore(before));
    }
}
