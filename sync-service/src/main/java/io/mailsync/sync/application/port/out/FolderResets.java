package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.UidValidity;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.MessageLocator;
import io.mailsync.sync.domain.StoredMessage;
import java.time.Instant;
import java.util.List;

/** A folder's UIDVALIDITY changed (RFC 3501 §2.3.1.1): its messages re-matched to their new locations. */
public interface FolderResets {

    /** Live messages of a folder whose location is from before a reset: candidates for re-matching. */
    List<StoredMessage> findRematchCandidates(AccountId accountId, String folder, UidValidity newUidValidity,
                                              String messageIdHeader, long size);

    /**
     * Moves a message to its new location after a folder reset, keeping its id and keywords; false if it is no
     * longer at {@code from}.
     */
    boolean relocate(AccountId accountId, MessageId messageId, MessageLocator from, MessageLocator to,
                     Long serverModSeq, Instant at);
}
