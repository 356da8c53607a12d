package io.mailsync.sync.application.fake;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.domain.ChangeEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public final class InMemoryChangeLog implements ChangeLog {

    private final Map<AccountId, TreeMap<Long, ChangeEntry>> logs = new HashMap<>();

    private TreeMap<Long, ChangeEntry> of(AccountId accountId) {
        return logs.computeIfAbsent(accountId, id -> new TreeMap<>());
    }

    @Override
    public synchronized void append(AccountId accountId, ChangeEntry entry) {
        of(accountId).putIfAbsent(entry.modseq(), entry);
    }

    @Override
    public synchronized List<ChangeEntry> read(AccountId accountId, ModSeq after, ModSeq upTo, int limit) {
        return of(accountId).subMap(after.value(), false, upTo.value(), true).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<ChangeEntry> firstAfter(AccountId accountId, ModSeq modseq) {
        return Optional.ofNullable(of(accountId).higherEntry(modseq.value())).map(Map.Entry::getValue);
    }

    @Override
    public synchronized Map<AccountId, ModSeq> highestOlderThan(Instant cutoff) {
        Map<AccountId, ModSeq> highest = new HashMap<>();
        logs.forEach((account, log) -> log.values().stream().filter(e -> e.at().isBefore(cutoff))
                .mapToLong(ChangeEntry::modseq).max().ifPresent(max -> highest.put(account, ModSeq.of(max))));
        return highest;
    }

    @Override
    public synchronized void deleteThrough(AccountId accountId, ModSeq modseq) {
        of(accountId).headMap(modseq.value(), true).clear();
    }

    @Override
    public synchronized void deleteAccount(AccountId accountId) {
        logs.remove(accountId);
    }
}
