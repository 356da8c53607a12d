package io.mailsync.fetcher.application;

import io.mailsync.events.FolderReset;
import io.mailsync.events.MessageArrived;
import io.mailsync.events.MessageLocator;
import io.mailsync.events.Origin;
import io.mailsync.fetcher.application.port.out.CursorStore;
import io.mailsync.fetcher.application.port.out.MailEventPublisher;
import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.FolderCursor;
import io.mailsync.fetcher.domain.MessageSummary;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Announces what a folder holds beyond its cursor. The cursor advances only after the broker acknowledged the
 * events, so a crash re-announces at most one batch and never loses one. A UIDVALIDITY change is one
 * {@link FolderReset} and a silent rebuild, never the whole mailbox as new mail.
 */
public final class FolderSynchronizer {

    private final CursorStore cursors;
    private final MailEventPublisher publisher;
    private final Clock clock;
    private final int batchSize;

    public FolderSynchronizer(CursorStore cursors, MailEventPublisher publisher, Clock clock, int batchSize) {
        this.cursors = cursors;
        this.publisher = publisher;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Returns how many messages were announced. */
    public int synchronize(String accountId, Origin origin, RemoteFolder folder) {
        FolderCursor cursor = startingCursor(accountId, origin, folder);
        int announced = 0;
        while (true) {
            List<MessageSummary> batch = folder.messagesFrom(cursor.uidNext(), batchSize);
            if (batch.isEmpty()) {
                return announced;
            }
            FolderCursor current = cursor;
            publisher.publish(batch.stream().map(m -> arrived(accountId, origin, current, m)).toList());
            long next = batch.getLast().uid() + 1;
            Long modSeq = batch.stream().map(MessageSummary::modSeq).filter(java.util.Objects::nonNull)
                    .max(Long::compare).orElse(null);
            cursor = cursor.advancedTo(next, modSeq);
            cursors.save(accountId, cursor);
            announced += batch.size();
            if (batch.size() < batchSize) {
                return announced;
            }
        }
    }

    private FolderCursor startingCursor(String accountId, Origin origin, RemoteFolder folder) {
        long validity = folder.uidValidity();
        Optional<FolderCursor> stored = cursors.load(accountId, folder.name());
        if (stored.isEmpty()) {
            FolderCursor fresh = FolderCursor.fresh(folder.name(), validity);
            cursors.save(accountId, fresh);
            return fresh;
        }
        if (stored.get().uidValidity() == validity) {
            return stored.get();
        }
        publisher.publish(new FolderReset(UUID.randomUUID(), clock.instant(), accountId, origin, folder.name(),
                stored.get().uidValidity(), validity));
        FolderCursor reset = FolderCursor.reset(folder.name(), validity, folder.uidNext());
        cursors.save(accountId, reset);
        return reset;
    }

    private MessageArrived arrived(String accountId, Origin origin, FolderCursor cursor, MessageSummary m) {
        return new MessageArrived(UUID.randomUUID(), clock.instant(), accountId, origin,
                MessageLocator.imap(cursor.folder(), cursor.uidValidity(), m.uid()), m.modSeq(), m.messageId(),
                m.from(), m.to(), m.cc(), m.subject(), m.sentAt(), m.receivedAt(), m.size(), m.keywords(), null,
                cursor.isRebuild(m.uid()));
    }
}
