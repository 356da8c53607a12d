package io.mailsync.sync.application.fake;

import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.domain.SyncState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryAccountCounter implements AccountCounter {

    private final Map<String, long[]> counters = new HashMap<>(); // epoch, modseq, prunedThrough
    private final Map<String, Set<String>> resets = new HashMap<>();

    private long[] of(String accountId) {
        return counters.computeIfAbsent(accountId, id -> new long[] {1, 0, 0});
    }

    @Override
    public synchronized Snapshot current(String accountId) {
        long[] c = of(accountId);
        return new Snapshot(new SyncState(c[0], c[1]), c[2]);
    }

    @Override
    public synchronized SyncState next(String accountId) {
        long[] c = of(accountId);
        c[1]++;
        return new SyncState(c[0], c[1]);
    }

    @Override
    public synchronized SyncState reserve(String accountId, int count) {
        long[] c = of(accountId);
        c[1] += count;
        return new SyncState(c[0], c[1]);
    }

    @Override
    public synchronized Optional<SyncState> newEpoch(String accountId, String resetKey) {
        if (!resets.computeIfAbsent(accountId, id -> new HashSet<>()).add(resetKey)) {
            return Optional.empty();
        }
        long[] c = of(accountId);
        c[0]++;
        return Optional.of(new SyncState(c[0], c[1]));
    }

    @Override
    public synchronized void prunedThrough(String accountId, long modseq) {
        long[] c = of(accountId);
        c[2] = Math.max(c[2], modseq);
    }

    @Override
    public synchronized void delete(String accountId) {
        counters.remove(accountId);
        resets.remove(accountId);
    }
}
