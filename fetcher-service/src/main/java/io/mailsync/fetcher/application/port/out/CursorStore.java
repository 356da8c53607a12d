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

    /** UIDVALIDITY changed: every UID of the folder is void. */
    void clearIndex(String accountId, String folder);

    /** The account is gone: forget all its folders. */
    void forget(String accountId);
}
