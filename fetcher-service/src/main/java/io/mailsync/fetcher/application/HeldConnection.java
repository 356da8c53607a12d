package io.mailsync.fetcher.application;

import io.mailsync.events.AccountSpec;
import io.mailsync.fetcher.application.port.out.MailboxConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection a session holds right now. Closed from outside, it ends a blocking IDLE (a stop, a new
 * registration); aborted, it is cut without a goodbye (the fetcher's Kafka lease lapsed, issue 15).
 */
final class HeldConnection {

    private static final Logger log = LoggerFactory.getLogger(HeldConnection.class);

    private final String accountId;
    private volatile AutoCloseable connection;

    HeldConnection(String accountId) {
        this.accountId = accountId;
    }

    void hold(AutoCloseable held) {
        connection = held;
    }

    /** A clean close (IMAP LOGOUT, POP3 QUIT); a failure to close is only logged. */
    void close() {
        AutoCloseable c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("account {}: close failed: {}", accountId, e.toString());
            }
        }
    }

    /** Cuts the connection at once, off the caller's thread; an IMAP connection is aborted, not logged out. */
    void abort() {
        AutoCloseable c = connection;
        if (c instanceof MailboxConnection imap) {
            Thread.ofVirtual().start(imap::abort);
        } else {
            Thread.ofVirtual().start(this::close);
        }
    }

    /** Whether a changed registration can keep the connection: nothing but its timestamp changed. */
    static boolean stillFits(AccountSpec previous, AccountSpec next) {
        return withoutTimestamp(previous).equals(withoutTimestamp(next));
    }

    private static AccountSpec withoutTimestamp(AccountSpec s) {
        return s.withSecret(s.encryptedSecret(), null); // every field, the host profile too (issue 22), but the time
    }
}
