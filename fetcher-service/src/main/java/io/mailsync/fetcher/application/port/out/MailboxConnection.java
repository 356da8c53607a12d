package io.mailsync.fetcher.application.port.out;

/** One logged-in connection. {@link #close()} may be called from any thread and aborts a wait in progress. */
public interface MailboxConnection extends AutoCloseable {

    /** Selects {@code folder} read-write (write-back needs it; reading never sets {@code \Seen}). */
    RemoteFolder open(String folder);

    /** Whether the server pushes changes (IMAP IDLE, RFC 2177); otherwise the session polls. */
    boolean supportsPush();

    @Override
    void close();
}
