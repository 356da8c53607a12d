package io.mailsync.sync.application.port.out;

import io.mailsync.events.SetFlags;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import java.util.List;
import java.util.Set;

/**
 * A device's keyword changes, with their write-back to the IMAP server queued on the message in the same atomic
 * write (an outbox), and that outbox read and emptied.
 */
public interface KeywordUpdates {

    /**
     * Sets keywords and the modseq of the change, only if the message is still at {@code expectedModseq}
     * (optimistic concurrency between the event consumer and devices). False if someone else changed it first.
     * A non-null {@code writeBack} is queued on the message in the same atomic write (an outbox): the change and
     * its write-back to the IMAP server are never separated, even if the broker is down at that moment.
     */
    boolean updateKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq, Set<Keyword> keywords,
                           ModSeq modseq, SetFlags writeBack);

    /** The queued write-back was handed to the broker; drop it from the message's outbox. */
    void writeBackSent(AccountId accountId, MessageId messageId, SetFlags writeBack);

    /** Write-backs still queued, oldest messages first, at most {@code limit}. */
    List<PendingWriteBack> pendingWriteBacks(int limit);

    record PendingWriteBack(AccountId accountId, MessageId messageId, SetFlags command) {
    }
}
