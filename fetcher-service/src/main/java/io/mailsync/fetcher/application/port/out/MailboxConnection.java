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

    @Override
    void close();
}
