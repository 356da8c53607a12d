package io.mailsync.fetcher.application.port.out;

import io.mailsync.events.MessageLocator;
import io.mailsync.events.mail.Keyword;
import io.mailsync.events.mail.Uid;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Issue 11's commands on the folders of a logged-in connection, apart from the folders a session has open for its
 * sync: APPEND, find by Message-ID, EXPUNGE and MOVE.
 */
public interface MailboxFolders {

    /**
     * APPENDs a message (RFC 3501 §6.3.11) with flags: to the folder carrying the SPECIAL-USE attribute
     * {@code specialUse} (RFC 6154, e.g. {@code \Sent}) where given and found, else to {@code folder}, created if
     * missing, with the IMAP flags the keywords stand for ({@link Keyword#toImapFlag}).
     */
    void append(String folder, String specialUse, byte[] rfc822, Set<Keyword> keywords,
                Instant internalDate);

    /**
     * The name of the folder carrying the SPECIAL-USE attribute {@code specialUse} (RFC 6154) where given and found,
     * else {@code folder}, created if missing (issue 11: Sent, Drafts, Trash).
     */
    String resolveFolder(String folder, String specialUse);

    /** The messages of {@code folder} whose Message-ID header is {@code messageIdHeader}: UID and RFC822.SIZE. */
    List<Found> findByMessageId(String folder, String messageIdHeader);

    record Found(Uid uid, long size) {
    }

    /**
     * Removes exactly these UIDs from {@code folder}: {@code \Deleted}, then UID EXPUNGE (RFC 4315) where UIDPLUS is
     * offered; without it a plain EXPUNGE only when no other message of the folder is {@code \Deleted} (another
     * client's pending deletion is never carried out by us), else they stay flagged. Answers whether they are gone.
     */
    boolean expunge(String folder, Collection<Uid> uids);

    /**
     * Moves the message at {@code from} to folder {@code target}: MOVE (RFC 6851) where offered, else COPY,
     * {@code \Deleted} and {@link #expunge}. False when the message is not there (another UIDVALIDITY, no such UID).
     */
    boolean move(MessageLocator from, String target);
}
