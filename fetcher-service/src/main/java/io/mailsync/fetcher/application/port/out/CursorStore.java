package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far each folder of each account has been announced, and the keywords announced per UID (the index that
 * turns a server's flag report into deltas). The fetcher's own store.
 */
public interface CursorStore {

    Optional<FolderCursor> load(String accountId, String folder);

    void save(String accountId, FolderCursor cursor);

    /** The keywords announced for every known UID of the folder under {@code uidValidity}. */
    Map<Long, Set<String>> loadIndex(String accountId, String folder, long uidValidity);

    /** Records announced keywords ({@code put}) and forgets expunged UIDs ({@code removed}). */
    void updateIndex(String accountId, String folder, long uidValidity, Map<Long, Set<String>> put,
                     Collection<Long> removed);

    /** Forgets the folder's index under one UIDVALIDITY (the old one, once a reset's rebuild has retired it). */
    void clearIndex(String accountId, String folder, long uidValidity);

    /**
     * The UIDVALIDITY values other than {@code current} the folder's index still holds UIDs for: a reset whose old
     * messages have not been retired yet (the fetcher stopped mid-rebuild, say).
     */
    Set<Long> staleValidities(String accountId, String folder, long current);

    /** The account is gone: forget all its folders. */
    void forget(String accountId);
}
