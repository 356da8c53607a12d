package io.mailsync.fetcher.application.port.out;

import io.mailsync.fetcher.domain.DropEntry;
import io.mailsync.fetcher.domain.MessageSummary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One POP3 session on a maildrop. Deletions take effect only when the session ends with {@link #commit()}. */
public interface Pop3Drop extends AutoCloseable {

    /** {@code LOGIN-DELAY} from {@code CAPA} (RFC 2449 §6.5): the least time between two logins. */
    Optional<Duration> loginDelay();

    /**
     * {@code UIDL} and {@code LIST}.
     *
     * @throws MailServerException.Unsupported when the server does not offer UIDL
     */
    List<DropEntry> list();

    /** Envelope from {@code TOP n 0}, best effort. */
    MessageSummary headers(DropEntry entry);

    /** The whole message ({@code RETR}), as the server holds it. */
    byte[] retrieve(DropEntry entry);

    /** Envelope parsed from a retrieved message, best effort. */
    MessageSummary parse(DropEntry entry, byte[] rfc822);

    /** {@code STAT}: message count and total size in octets. */
    long[] stat();

    /** Marks for deletion ({@code DELE}); nothing is deleted before {@link #commit()}. */
    void delete(DropEntry entry);

    /** {@code QUIT}: ends the session and applies the deletions (RFC 1939 §6, UPDATE state). */
    void commit();

    /** Ends the session without applying deletions, where still possible. */
    @Override
    void close();
}
