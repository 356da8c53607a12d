package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.ModSeq;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.MessageLocator;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.List;

/**
 * New messages: arrived from the server, or put there by mailsync itself (a sent copy, a draft) and waiting for the
 * APPENDed copy to arrive. Every write is one single-document atomic update.
 */
public interface MessageFiling {

    /** Inserts a new message; false if the account already has a message at that location (a replay). */
    boolean insert(StoredMessage message);

    /**
     * Inserts a message mailsync put on the server itself (APPEND of a sent copy), live at once under a placeholder
     * location until the fetcher sees it; false on a duplicate id.
     */
    boolean insertAwaitingAppend(StoredMessage message);

    /** Live messages waiting for the fetcher to see the copy mailsync APPENDed, by Message-ID header. */
    List<StoredMessage> findAwaitingAppend(AccountId accountId, String messageIdHeader);

    /**
     * The APPENDed copy arrived at {@code to}: the message takes that location, keeping its id and keywords, and
     * no longer waits; only if still at {@code expectedModseq}.
     */
    boolean adoptAppended(AccountId accountId, MessageId messageId, ModSeq expectedModseq, MessageLocator to,
                          ModSeq modseq, Long serverModSeq, Instant at);

    /** The retention rule asked the server to delete the message (a DeleteFromServer was sent for it). */
    void markDeleteRequested(AccountId accountId, MessageId messageId);
}
