package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The cursor store's in-memory fake, held to the same contract as the MongoDB adapter. */
public final class InMemoryCursorStore implements CursorStore {

    private final Map<String, FolderCursor> cursors = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, Set<String>>> indexes = new ConcurrentHashMap<>();

    @Override
    public Optional<FolderCursor> load(String accountId, String folder) {
        return Optional.ofNullable(cursors.get(accountId + "|" + folder));
    }

    @Override
    public void save(String accountId, FolderCursor cursor) {
        cursors.put(accountId + "|" + cursor.folder(), cursor);
    }

    @Override
    public Map<Long, Set<String>> loadIndex(String accountId, String folder, long uidValidity) {
        return Map.copyOf(indexes.getOrDefault(accountId + "|" + folder + "|" + uidValidity, Map.of()));
    }

    @Override
    public void updateIndex(String accountId, String folder, long uidValidity, Map<Long, Set<String>> put,
                            Collection<Long> removed) {
        Map<Long, Set<String>> index = indexes.computeIfAbsent(accountId + "|" + folder + "|" + uidValidity,
                k -> new HashMap<>());
        put.forEach((uid, keywords) -> index.put(uid, Set.copyOf(keywords)));
        removed.forEach(index::remove);
    }

    @Override
    public void clearIndex(String accountId, String folder, long uidValidity) {
        indexes.remove(accountId + "|" + folder + "|" + uidValidity);
    }

    @Override
    public Set<Long> staleValidities(String accountId, String folder, long current) {
        String prefix = accountId + "|" + folder + "|";
        return indexes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && !e.getValue().isEmpty())
                .map(e -> Long.parseLong(e.getKey().substring(prefix.length())))
                .filter(validity -> validity != current)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void forget(String accountId) {
        cursors.keySet().removeIf(key -> key.startsWith(accountId + "|"));
        indexes.keySet().removeIf(key -> key.startsWith(accountId + "|"));
    }
}
