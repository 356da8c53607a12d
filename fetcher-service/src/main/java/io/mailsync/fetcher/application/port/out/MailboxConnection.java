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

    @Override
    void close();
}
