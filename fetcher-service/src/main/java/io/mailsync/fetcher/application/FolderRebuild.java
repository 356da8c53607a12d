package io.mailsync.fetcher.application;

import io.mailsync.events.FolderReset;
import io.mailsync.events.MailEvent;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.UidValidity;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FolderCursor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder's UIDVALIDITY changed (RFC 3501 §2.3.1.1): one {@link FolderReset} and a silent rebuild from UID 1, after
 * which the old UIDs no message was re-matched to are announced as expunged (the server no longer has them).
 */
final class FolderRebuild {

    private static final Logger log = LoggerFactory.getLogger(FolderRebuild.class);

    private final AccountId accountId;
    private final Origin origin;
    private final RemoteFolder folder;
    private final SyncContext with;

    FolderRebuild(AccountId accountId, Origin origin, RemoteFolder folder, SyncContext with) {
        this.accountId = accountId;
        this.origin = origin;
        this.folder = folder;
        this.with = with;
    }

    /** The stored cursor where it is of the folder's UIDVALIDITY; else a new one, a rebuild after a reset. */
    FolderCursor startingCursor() {
        UidValidity validity = folder.uidValidity();
        Optional<FolderCursor> stored = with.cursors().load(accountId, folder.name());
        if (stored.isPresent() && stored.get().uidValidity().equals(validity)) {
            return stored.get();
        }
        FolderCursor start;
        if (stored.isEmpty()) {
            start = new FolderCursor(folder.name(), validity, 1, folder.highestModSeq(), 0);
        } else {
            with.publisher().publish(new FolderReset(UUID.randomUUID(), with.clock().instant(), accountId,
                    origin, folder.name(), stored.get().uidValidity().value(), validity.value()));
            // the old index stays until the rebuild is done: retireStaleUids() needs its UIDs, even after a restart
            start = new FolderCursor(folder.name(), validity, 1, folder.highestModSeq(), folder.uidNext());
        }
        with.cursors().save(accountId, start);
        return start;
    }

    /**
     * Once the rebuild after a UIDVALIDITY change has announced everything the folder holds, every UID of
     * the old UIDVALIDITY is void: the messages sync-service re-matched have moved to their new locations, and the
     * rest are gone from the server. One expunge per old UID says so (sync ignores a locator nothing holds any
     * more); then the old index is dropped. Returns how many it announced.
     */
    int retireStaleUids(UidValidity uidValidity) {
        int retired = 0;
        for (UidValidity stale : with.cursors().staleValidities(accountId, folder.name(), uidValidity)) {
            List<MailEvent> expunged = with.cursors().loadIndex(accountId, folder.name(), stale).keySet().stream()
                    .sorted()
                    .<MailEvent>map(uid -> new MessageExpunged(UUID.randomUUID(), with.clock().instant(),
                            accountId, Origin.server(), Wire.imap(folder.name(), stale, uid)))
                    .toList();
            if (!expunged.isEmpty()) {
                with.publisher().publish(expunged);
            }
            with.cursors().clearIndex(accountId, folder.name(), stale);
            log.info("account {}: {} retired {} UIDs of UIDVALIDITY {} after the rebuild", accountId, folder.name(),
                    expunged.size(), stale.value());
            retired += expunged.size();
        }
        return retired;
    }
}
