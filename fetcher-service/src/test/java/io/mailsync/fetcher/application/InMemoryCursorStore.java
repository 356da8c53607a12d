package io.mailsync.fetcher.application;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The cursor store's in-memory fake, held to the same contract as the MongoDB adapter. */
public final class InMemoryCursorStore implements CursorStore {

    private record Folder(AccountId account, String name) {
    }

    private record IndexKey(Folder folder, UidValidity uidValidity) {
    }

    private final Map<Folder, FolderCursor> cursors = new ConcurrentHashMap<>();
    private final Map<IndexKey, Map<Uid, Set<Keyword>>> indexes = new ConcurrentHashMap<>();

    @Override
    public Optional<FolderCursor> load(AccountId accountId, String folder) {
        return Optional.ofNullable(cursors.get(new Folder(accountId, folder)));
    }

    @Override
    public void save(AccountId accountId, FolderCursor cursor) {
        cursors.put(new Folder(accountId, cursor.folder()), cursor);
    }

    @Override
    public Map<Uid, Set<Keyword>> loadIndex(AccountId accountId, String folder, UidValidity uidValidity) {
        return Map.copyOf(indexes.getOrDefault(new IndexKey(new Folder(accountId, folder), uidValidity), Map.of()));
    }

    @Override
    public void updateIndex(AccountId accountId, String folder, UidValidity uidValidity, Map<Uid, Set<Keyword>> put,
                            Collection<Uid> removed) {
        Map<Uid, Set<Keyword>> index = indexes.computeIfAbsent(
                new IndexKey(new Folder(accountId, folder), uidValidity), k -> new HashMap<>());
        put.forEach((uid, keywords) -> index.put(uid, Set.copyOf(keywords)));
        removed.forEach(index::remove);
    }

    @Override
    public void clearIndex(AccountId accountId, String folder, UidValidity uidValidity) {
        indexes.remove(new IndexKey(new Folder(accountId, folder), uidValidity));
    }

    @Override
    public Set<UidValidity> staleValidities(AccountId accountId, String folder, UidValidity current) {
        Folder of = new Folder(accountId, folder);
        return indexes.entrySet().stream()
                .filter(e -> e.getKey().folder().equals(of) && !e.getValue().isEmpty())
                .map(e -> e.getKey().uidValidity())
                .filter(validity -> !validity.equals(current))
                .collect(Collectors.toSet());
    }

    @Override
    public void forget(AccountId accountId) {
        cursors.keySet().removeIf(key -> key.account().equals(accountId));
        indexes.keySet().removeIf(key -> key.folder().account().equals(accountId));
    }
}
