package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.MailboxUsage;
import java.util.Optional;

/** One logged-in connection. {@link #close()} may be called from any thread and aborts a wait in progress. */
public interface MailboxConnection extends AutoCloseable {

    /** Selects {@code folder} read-write (write-back needs it; reading never sets {@code \Seen}). */
    RemoteFolder open(String folder);

    /** Closes a folder opened by {@link #open}, giving its connection back for the next one. */
    void release(RemoteFolder folder);

    /** Whether the server pushes changes (IMAP IDLE, RFC 2177); otherwise the session polls. */
    boolean supportsPush();

    /** {@code GETQUOTAROOT INBOX} (RFC 9208) where the server offers QUOTA; empty otherwise. */
    Optional<MailboxUsage> usage();

    /**
     * Where the server reports no quota: the octets and messages in the open INBOX, from {@code RFC822.SIZE}, for
     * quota-service to hold against the provisioned limit (DESIGN.md "Quota semantics"). Empty if not counted.
     */
    default Optional<MailboxUsage> inboxSize() {
        return Optional.empty();
    }

    /**
     * APPENDs a message (RFC 3501 §6.3.11) with flags: to the folder carrying the SPECIAL-USE attribute
     * {@code specialUse} (RFC 6154, e.g. {@code \Sent}) where given and found, else to {@code folder}, created if
     * missing. {@code flags} are IMAP flags ({@code \Seen}, keywords as they are).
     */
    void append(String folder, String specialUse, byte[] rfc822, java.util.Set<String> flags,
                java.time.Instant internalDate);

    /**
     * The name of the folder carrying the SPECIAL-USE attribute {@code specialUse} (RFC 6154) where given and found,
     * else {@code folder}, created if missing (issue 11: Sent, Drafts, Trash).
     */
    String resolveFolder(String folder, String specialUse);

    /** The messages of {@code folder} whose Message-ID header is {@code messageIdHeader}: UID and RFC822.SIZE. */
    java.util.List<Found> findByMessageId(String folder, String messageIdHeader);

    record Found(long uid, long size) {
    }

    /**
     * Removes exactly these UIDs from {@code folder}: {@code \Deleted}, then UID EXPUNGE (RFC 4315) where UIDPLUS is
     * offered; without it a plain EXPUNGE only when no other message of the folder is {@code \Deleted} (another
     * client's pending deletion is never carried out by us), else they stay flagged. Answers whether they are gone.
     */
    boolean expunge(String folder, java.util.Collection<Long> uids);

    /**
     * Moves the message at {@code from} to folder {@code target}: MOVE (RFC 6851) where offered, else COPY,
     * {@code \Deleted} and {@link #expunge}. False when the message is not there (another UIDVALIDITY, no such UID).
     */
    boolean move(io.mailsync.events.MessageLocator from, String target);

    @Override
    void close();

    /**
     * Drops the connection at once, without ending an IDLE or logging out (issue 15: a fetcher whose lease lapsed
     * lets go of its sessions before their accounts move, and must not wait on a server to do it).
     */
    default void abort() {
        close();
    }
}
