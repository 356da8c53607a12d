package io.mailsync.sync.application.port.out;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.AccountId;
import io.mailsync.events.mail.MessageId;
import io.mailsync.events.mail.ModSeq;

/** A device moved a message to another folder (issue 11: the shared Trash). */
public interface MessageMoves {

    /**
     * The live message takes location {@code to} at {@code modseq}, only if still at {@code expectedModseq}. With
     * {@code awaitingServerCopy} (IMAP) the copy the server makes arrives as new mail and takes over the location,
     * keeping the id (as an APPENDed copy does).
     */
    boolean moveTo(AccountId accountId, MessageId messageId, ModSeq expectedModseq, MessageLocator to, ModSeq modseq,
                   boolean awaitingServerCopy);
}
