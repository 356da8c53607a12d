package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.RemoteFolder;
import io.mailsync.fetcher.domain.MessageSummary;
import java.util.List;

/**
 * The order a folder's new messages are read in (issue 18: "a mailbox becomes listable progressively, newest
 * first"). A backlog larger than one batch — a mailbox just registered, or one back after a long outage — is read
 * newest batch first, so the messages a customer looks for first are listed within the first batch's time; then the
 * rest in UID order up to that batch, then whatever arrived meanwhile. A backlog of one batch or less is read in UID
 * order, as before.
 *
 * <p>{@link #readBelow()} is what the cursor may advance to: every UID below it was read (the newest batch, ahead of
 * it, is only in the index, so a crash reads it again; announced twice, it changes nothing downstream).
 */
final class ImportOrder {

    private final RemoteFolder folder;
    private final int batchSize;
    private long from;
    private boolean started;
    private long newestFirstUid = Long.MAX_VALUE;
    private long newestLastUid;
    private boolean done;

    ImportOrder(RemoteFolder folder, long from, int batchSize) {
        this.folder = folder;
        this.from = from;
        this.batchSize = batchSize;
    }

    /** The next batch, in UID order; after the one that reached the folder's end, {@link #done()} is true. */
    List<MessageSummary> next() {
        if (!started) {
            started = true;
            List<MessageSummary> newest = folder.newest(from, batchSize);
            if (!newest.isEmpty()) {
                newestFirstUid = newest.getFirst().uid().value();
                newestLastUid = newest.getLast().uid().value();
                return newest;
            }
        }
        if (newestFirstUid != Long.MAX_VALUE) {
            List<MessageSummary> older = from < newestFirstUid
                    ? folder.messagesBetween(from, newestFirstUid - 1, batchSize) : List.of();
            if (older.size() < batchSize) {
                from = newestLastUid + 1; // everything below the newest batch is read: on after it
                newestFirstUid = Long.MAX_VALUE;
            } else {
                from = older.getLast().uid().value() + 1;
            }
            if (!older.isEmpty()) {
                return older;
            }
        }
        List<MessageSummary> batch = folder.messagesFrom(from, batchSize);
        if (!batch.isEmpty()) {
            from = batch.getLast().uid().value() + 1;
        }
        done = batch.size() < batchSize;
        return batch;
    }

    boolean done() {
        return done;
    }

    /** Every message with a UID below this has been read. */
    long readBelow() {
        return Math.min(from, newestFirstUid);
    }
}
