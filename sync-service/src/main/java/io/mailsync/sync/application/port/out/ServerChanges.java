package io.mailsync.sync.application.port.out;

import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;
import java.time.Instant;
import java.util.Set;

/**
 * A server event on a message, one at a time (ApplyMailEvent): flags changed, or nothing devices see changed. A
 * keyword write is conditional on the message's modseq, as a device's is.
 */
public interface ServerChanges {

    /** Records a server event that changed nothing the devices see (an echo, an unchanged flag set). */
    void recordServerEvent(AccountId accountId, MessageId messageId, Long serverModSeq, Instant at);

    /**
     * Keywords changed by a server event: set at {@code modseq} only if the message is still at
     * {@code expectedModseq}, also recording the server's position. False if a device changed it first.
     */
    boolean applyServerKeywords(AccountId accountId, MessageId messageId, ModSeq expectedModseq, Set<Keyword> keywords,
                                ModSeq modseq, Long serverModSeq, Instant at);
}
