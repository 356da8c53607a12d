package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.MailboxUsage;
import java.util.Optional;

/**
 * One logged-in connection: folders opened for the sync, push, usage, and the {@link MailboxFolders} commands.
 * {@link #close()} may be called from any thread and aborts a wait in progress.
 */
public interface MailboxConnection extends MailboxFolders, AutoCloseable {

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
