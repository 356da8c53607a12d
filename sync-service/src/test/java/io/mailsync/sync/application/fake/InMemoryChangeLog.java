package io.mailsync.sync.application.fake;

import io.mailsync.sync.application.port.out.ChangeLog;
import io.mailsync.sync.domain.ChangeEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public final class InMemoryChangeLog implements ChangeLog {

    private final Map<String, TreeMap<Long, ChangeEntry>> logs = new HashMap<>();

    private TreeMap<Long, ChangeEntry> of(String accountId) {
        return logs.computeIfAbsent(accountId, id -> new TreeMap<>());
    }

    @Override
    public synchronized void append(String accountId, ChangeEntry entry) {
        of(accountId).putIfAbsent(entry.modseq(), entry);
    }

    @Override
    public synchronized List<ChangeEntry> read(String accountId, long after, long upTo, int limit) {
        return of(accountId).subMap(after, false, upTo, true).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<ChangeEntry> firstAfter(String accountId, long modseq) {
        return Optional.ofNullable(of(accountId).higherEntry(modseq)).map(Map.Entry::getValue);
    }

    @Override
    public synchronized Map<String, Long> highestOlderThan(Instant cutoff) {
        Map<String, Long> highest = new HashMap<>();
        logs.forEach((account, log) -> log.values().stream().filter(e -> e.at().isBefore(cutoff))
                .mapToLong(ChangeEntry::modseq).max().ifPresent(max -> highest.put(account, max)));
        return highest;
    }

    @Override
    public synchronized void deleteThrough(String accountId, long modseq) {
        of(accountId).headMap(modseq, true).clear();
    }

    @Override
    public synchronized void deleteAccount(String accountId) {
        logs.remove(accountId);
    }
}
