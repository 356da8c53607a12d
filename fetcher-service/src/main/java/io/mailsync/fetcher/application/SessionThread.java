package io.mailsync.fetcher.application;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's virtual thread. Stopping it tries a clean close of the connection first (LOGOUT), then interrupts a
 * thread still blocked on a server that never answers, and waits for it a bounded time.
 */
final class SessionThread {

    private static final Logger log = LoggerFactory.getLogger(SessionThread.class);
    private static final Duration CLEAN_CLOSE = Duration.ofSeconds(2);

    private final String accountId;
    private volatile Thread thread;

    SessionThread(String accountId) {
        this.accountId = accountId;
    }

    void start(Runnable session) {
        thread = Thread.ofVirtual().name("session-" + accountId).start(session);
    }

    /** Closes the connection cleanly if the server lets it, then waits (bounded) until the session has ended. */
    void stop(Runnable cleanClose, Duration wait) {
        try {
            Thread closer = Thread.ofVirtual().start(cleanClose);
            if (!closer.join(CLEAN_CLOSE)) {
                log.info("account {}: server slow to close, cutting the connection", accountId);
            }
            Thread t = thread;
            if (t == null) {
                return;
            }
            if (!t.join(CLEAN_CLOSE)) {
                t.interrupt(); // still blocked (a server that never answers): cut it off
            }
            if (!t.join(wait)) {
                log.warn("account {}: session did not stop within {}", accountId, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
