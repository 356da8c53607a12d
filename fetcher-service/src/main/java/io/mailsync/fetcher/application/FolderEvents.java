package io.mailsync.fetcher.application;

import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageExpunged;
import io.mailsync.events.MessageFlagsChanged;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Uid;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FlagChange;
import io.mailsync.fetcher.domain.FolderCursor;
import io.mailsync.fetcher.domain.MessageSummary;
import java.util.UUID;

/**
 * The wire events one selected folder announces, made from what {@link FolderSync} read: where a message is, that it
 * arrived (its body stored first where the account keeps bodies), that its flags changed, that it was expunged. Kept
 * apart from the deciding of what to announce, which is {@link FolderSync}'s.
 */
final class FolderEvents {

    private final AccountId accountId;
    private final Origin origin;
    private final RemoteFolder folder;
    private final SyncContext with;
    private final boolean storeBodies;

    /** @param storeBodies the account keeps raw messages in the content store (claim check) */
    FolderEvents(AccountId accountId, Origin origin, RemoteFolder folder, SyncContext with, boolean storeBodies) {
        this.accountId = accountId;
        this.origin = origin;
        this.folder = folder;
        this.with = with;
        this.storeBodies = storeBodies;
    }

    MessageArrived arrived(MessageSummary m, FolderCursor cursor) {
        MessageLocator at = locator(m.uid(), cursor);
        // claim check: the body is stored before the event that references it
        String contentRef = storeBodies
                ? folder.raw(m.uid()).map(raw -> with.contents().put(accountId, at.key(), raw)).orElse(null)
                : null;
        return new MessageArrived(UUID.randomUUID(), with.clock().instant(), accountId, origin, at,
                Wire.modSeq(m.modSeq()), m.envelope(), m.receivedAt(), m.size(), Wire.keywords(m.keywords()),
                contentRef, cursor.isRebuild(m.uid()));
    }

    MessageFlagsChanged flagsChanged(FlagChange c, Origin cause, FolderCursor cursor) {
        return new MessageFlagsChanged(UUID.randomUUID(), with.clock().instant(), accountId, cause,
                locator(c.uid(), cursor), Wire.modSeq(c.modSeq()), Wire.keywords(c.added()),
                Wire.keywords(c.removed()), Wire.keywords(c.current()));
    }

    /** Seen gone by the server itself (a full comparison or {@code VANISHED}). */
    MessageExpunged expunged(Uid uid, FolderCursor cursor) {
        return new MessageExpunged(UUID.randomUUID(), with.clock().instant(), accountId, Origin.server(),
                locator(uid, cursor));
    }

    private MessageLocator locator(Uid uid, FolderCursor cursor) {
        return Wire.imap(folder.name(), cursor.uidValidity(), uid);
    }
}
