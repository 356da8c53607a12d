package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.FolderCursor;
import java.util.Optional;

/** How far each folder of each account has been announced; the fetcher's own store. */
public interface CursorStore {

    Optional<FolderCursor> load(String accountId, String folder);

    void save(String accountId, FolderCursor cursor);

    /** The account is gone: forget all its folders. */
    void forget(String accountId);
}
