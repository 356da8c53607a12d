package io.mailsync.sync.application.fake;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.AccountCounter;
import io.mailsync.sync.domain.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

public final class InMemoryAccountCounter implements AccountCounter {

    private static final class Counter {
        long epoch = 1;
        long issued;
        long prunedThrough;
        final TreeMap<Long, Instant> writing = new TreeMap<>();
        final Set<String> resets = new HashSet<>();
    }

    private final Map<AccountId, Counter> counters = new HashMap<>();
    private final Clock clock;

    public InMemoryAccountCounter() {
        this(Clock.systemUTC());
    }

    public InMemoryAccountCounter(Clock clock) {
        this.clock = clock;
    }

    private Counter of(AccountId accountId) {
        return counters.computeIfAbsent(accountId, id -> new Counter());
    }

    @Override
    public synchronized Snapshot current(AccountId accountId) {
        Counter c = of(accountId);
        return new Snapshot(state(c), c.issued, c.prunedThrough);
    }

    @Override
    public synchronized Reservation reserve(AccountId accountId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a reservation is at least one modseq");
        }
        Counter c = of(accountId);
        Reservation reservation = new Reservation(c.epoch, c.issued + 1, c.issued + count);
        c.issued += count;
        c.writing.put(reservation.from(), clock.instant());
        return reservation;
    }

    @Override
    public synchronized SyncState written(AccountId accountId, Reservation reservation) {
        Counter c = counters.get(accountId);
        if (c == null) {
            return reservation.state();
        }
        c.writing.remove(reservation.from());
        return state(c);
    }

    private SyncState state(Counter c) {
        Instant cutoff = clock.instant().minus(WRITE_WINDOW);
        long complete = c.writing.entrySet().stream().filter(e -> e.getValue().isAfter(cutoff))
                .mapToLong(e -> e.getKey() - 1).min().orElse(c.issued);
        return new SyncState(c.epoch, complete);
    }

    @Override
    public synchronized Optional<SyncState> newEpoch(AccountId accountId, String resetKey) {
        Counter c = of(accountId);
        if (!c.resets.add(resetKey)) {
            return Optional.empty();
        }
        c.epoch++;
        return Optional.of(state(c));
    }

    @Override
    public synchronized void prunedThrough(AccountId accountId, ModSeq modseq) {
        Counter c = of(accountId);
        c.prunedThrough = Math.max(c.prunedThrough, modseq.value());
    }

    @Override
    public synchronized void delete(AccountId accountId) {
        counters.remove(accountId);
    }
}
