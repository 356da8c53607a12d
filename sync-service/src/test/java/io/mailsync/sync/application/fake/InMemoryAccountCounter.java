package io.mailsync.sync.application.fake;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.domain.SyncState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryAccountCounter implements AccountCounter {

    private final Map<AccountId, long[]> counters = new HashMap<>(); // epoch, modseq, prunedThrough
    private final Map<AccountId, Set<String>> resets = new HashMap<>();

    private long[] of(AccountId accountId) {
        return counters.computeIfAbsent(accountId, id -> new long[] {1, 0, 0});
    }

    @Override
    public synchronized Snapshot current(AccountId accountId) {
        long[] c = of(accountId);
        return new Snapshot(new SyncState(c[0], c[1]), c[2]);
    }

    @Override
    public synchronized SyncState next(AccountId accountId) {
        long[] c = of(accountId);
        c[1]++;
        return new SyncState(c[0], c[1]);
    }

    @Override
    public synchronized SyncState reserve(AccountId accountId, int count) {
        long[] c = of(accountId);
        c[1] += count;
        return new SyncState(c[0], c[1]);
    }

    @Override
    public synchronized Optional<SyncState> newEpoch(AccountId accountId, String resetKey) {
        if (!resets.computeIfAbsent(accountId, id -> new HashSet<>()).add(resetKey)) {
            return Optional.empty();
        }
        long[] c = of(accountId);
        c[0]++;
        return Optional.of(new SyncState(c[0], c[1]));
    }

    @Override
    public synchronized void prunedThrough(AccountId accountId, ModSeq modseq) {
        long[] c = of(accountId);
        c[2] = Math.max(c[2], modseq.value());
    }

    @Override
    public synchronized void delete(AccountId accountId) {
        counters.remove(accountId);
        resets.remove(accountId);
    }
}
