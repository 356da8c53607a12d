package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.AccountId;
import java.time.Instant;
import java.util.Optional;

/** A message gone from the server, or deleted by the user (a replaced draft), and when it was last put back. */
public interface MessageDestruction {

    /**
     * Destroyed at {@code modseq}, only if still at {@code expectedModseq}, remembering when ({@code deletedAt}) so
     * that, where its body is stored, it stays restorable for the recovery window (issue 11).
     */
    boolean markDestroyed(AccountId accountId, MessageId messageId, ModSeq expectedModseq, ModSeq modseq,
                          Instant deletedAt);

    /** When the message was last restored from the deleted messages; expunges seen before that are stale replays. */
    Optional<Instant> restoredAt(AccountId accountId, MessageId messageId);
}
