package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import io.mailsync.sync.domain.DeletedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Destroyed messages whose bodies are kept for the recovery window, and putting them back. */
public interface DeletedMessages {

    /** Deleted at or after {@code since} with a body kept, most recently deleted first, at most {@code limit}. */
    List<DeletedMessage> deletedSince(AccountId accountId, Instant since, int limit);

    /** The message if it is destroyed and was deleted with a known time. */
    Optional<DeletedMessage> find(AccountId accountId, MessageId messageId);

    /**
     * Makes the message live again at {@code modseq}, only if still destroyed at {@code expectedModseq}. With
     * {@code awaitingAppend} (IMAP) it waits for the APPENDed copy to arrive; without (POP3) mailsync keeps it and
     * the server copy is not expected back.
     */
    boolean revive(AccountId accountId, MessageId messageId, ModSeq expectedModseq, ModSeq modseq, Instant at,
                   boolean awaitingAppend);

    /** Deleted before {@code cutoff} and still holding a body, any account, at most {@code limit}. */
    List<DeletedMessage> expiredBefore(Instant cutoff, int limit);

    /** The body is gone from the content store: the message can no longer be restored. */
    void bodyPurged(AccountId accountId, MessageId messageId);
}
