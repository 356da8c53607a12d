package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import io.mailsync.events.mail.UidValidity;
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

    Optional<FolderCursor> load(AccountId accountId, String folder);

    void save(AccountId accountId, FolderCursor cursor);

    /** The keywords announced for every known UID of the folder under {@code uidValidity}. */
    Map<Uid, Set<Keyword>> loadIndex(AccountId accountId, String folder, UidValidity uidValidity);

    /** Records announced keywords ({@code put}) and forgets expunged UIDs ({@code removed}). */
    void updateIndex(AccountId accountId, String folder, UidValidity uidValidity, Map<Uid, Set<Keyword>> put,
                     Collection<Uid> removed);

    /** Forgets the folder's index under one UIDVALIDITY (the old one, once a reset's rebuild has retired it). */
    void clearIndex(AccountId accountId, String folder, UidValidity uidValidity);

    /**
     * The UIDVALIDITY values other than {@code current} the folder's index still holds UIDs for: a reset whose old
     * messages have not been retired yet (the fetcher stopped mid-rebuild, say).
     */
    Set<UidValidity> staleValidities(AccountId accountId, String folder, UidValidity current);

    /** The account is gone: forget all its folders. */
    void forget(AccountId accountId);
}
