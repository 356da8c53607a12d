package io.mailsync.fetcher.adapter.out.imap;

import io.mailsync.fetcher.application.port.out.MailServerException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Waiting for a folder to change: IDLE where the server offers it (RFC 2177), otherwise a plain wait and a NOOP.
 * Either wait can be ended early from another thread, when there is work for the session. Issue 15: a server that
 * ends the IDLE (BYE, a dropped connection) fails the wait at once; one that reported an error ({@code * NO} /
 * {@code * BAD}, e.g. Dovecot's "Internal error occurred" once a mailbox breaks) fails it at the next check; one
 * that does not answer the DONE that ends an IDLE within {@code answerTimeout} is cut off: its socket is closed
 * ({@link ImapSockets}), since Angus would close it only once that DONE is answered.
 */
final class ImapWaiter {

    private static final int WAKE_ATTEMPTS = 50;
    private static final Duration WAKE_RETRY = Duration.ofMillis(100);

    private final IMAPFolder folder;
    private final boolean idle;
    private final Runnable idleWakeUp;
    private final Supplier<String> serverError;
    private final Duration answerTimeout;
    private final ImapSockets sockets;
    /** The ends of the folder's connection, for {@link ImapSockets#cut}; set at each selection. */
    private volatile ImapSockets.Ends connection;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    /** The session's thread is in an IDLE, or about to start one: a wake-up ends it with a command of its own. */
    private volatile boolean inIdle;
    /** The connection was cut here: a command now would borrow (and log in) another of the store's connections. */
    private volatile boolean cut;
    /** Cut because the server left an IDLE's DONE unanswered: nothing said to it now would be answered. */
    private volatile boolean silent;
    private final Semaphore pollWake = new Semaphore(0);

    ImapWaiter(IMAPFolder folder, boolean idle, Runnable idleWakeUp, Supplier<String> serverError,
               Duration answerTimeout, ImapSockets sockets) {
        this.folder = folder;
        this.idle = idle;
        this.idleWakeUp = idleWakeUp;
        this.serverError = serverError;
        this.answerTimeout = answerTimeout;
        this.sockets = sockets;
    }

    /** The folder was selected on the connection with these ends. */
    void selectedOn(ImapSockets.Ends ends) {
        connection = ends;
    }

    /** Returns true when the wait ran out: neither the server nor a wake-up ended it before {@code maxWait}. */
    boolean awaitChange(Duration maxWait) {
        failOnServerError();
        if (wakeRequested.getAndSet(false)) {
            return false;
        }
        if (!idle) {
            boolean ranOut = poll(maxWait);
            failOnServerError();
            return ranOut;
        }
        // the watchdog ends the IDLE before maxWait (re-issued before RFC 2177's 29 minutes), and cuts the
        // connection off when the server does not answer the DONE: a silent server is found within maxWait + answer
        IdleWatchdog watchdog = IdleWatchdog.start(maxWait, answerTimeout, this::wakeUp, () -> {
            silent = true;
            cut();
        });
        inIdle = true;
        try {
            folder.idle(true);
            idleWakeUp.run();
        } catch (MessagingException e) {
            disconnect();
            throw ImapFailures.translate("IDLE on " + folder.getFullName(), e);
        } catch (IllegalStateException e) {
            throw new MailServerException.Unreachable("IDLE on " + folder.getFullName() + ": " + e.getMessage(), e);
        } finally {
            inIdle = false;
            watchdog.end();
            wakeRequested.set(false);
        }
        if (watchdog.ranOut()) {
            noop();
        }
        failOnServerError();
        return watchdog.ranOut();
    }

    /**
     * A NOOP after an IDLE that nothing ended before its renewal. A server that broke the mailbox keeps the IDLE
     * silent and answers the next command with {@code * NO} (Dovecot's "Internal error occurred"), and after a quiet
     * IDLE the session itself may send none: without this the break went unnoticed for good (issue 15), and a server
     * whose IDLE notifications are late reports what it held back. One round trip per mailbox per renewal, not per
     * wake-up (issue 18). The error arrives as a response event, after this returns, and fails the next wait.
     */
    private void noop() {
        try {
            folder.doCommand(p -> {
                p.noop();
                return null;
            });
        } catch (MessagingException e) {
            throw ImapFailures.translate("NOOP on " + folder.getFullName(), e);
        } catch (IllegalStateException e) {
            throw new MailServerException.Unreachable("NOOP on " + folder.getFullName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Any command on the folder from another thread makes Angus end the IDLE (DONE). The flag covers a wake-up
     * that lands just before the IDLE starts: it is retried until the waiting side has seen it. A session not in an
     * IDLE sees the flag before its next one, so nothing is sent then. Not {@code IMAPFolder.isOpen()} to ask
     * whether the folder is still there: it ends the IDLE itself and then sends a NOOP whenever the connection's last
     * command is over a second old, which after an IDLE it always is — one more round trip to the mail server before
     * every write-back and body fetch (issue 18).
     */
    void wakeUp() {
        wakeRequested.set(true);
        pollWake.release();
        if (!idle) {
            return;
        }
        for (int attempt = 0; attempt < WAKE_ATTEMPTS && wakeRequested.get(); attempt++) {
            try {
                if (inIdle && !cut) {
                    folder.doCommand(p -> null);
                }
                Thread.sleep(WAKE_RETRY);
            } catch (MessagingException | IllegalStateException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    boolean wentSilent() {
        return silent;
    }

    /**
     * Closes the folder's connection from any thread, at once: its socket, where {@link ImapSockets} made it. Angus'
     * own close takes the folder's lock, which a wake-up waiting for the IDLE's end holds, and sends DONE and waits
     * for its answer first; it is the fallback for a connection made elsewhere.
     */
    void cut() {
        cut = true;
        if (sockets.cut(connection)) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                folder.forceClose();
            } catch (MessagingException | RuntimeException ignored) {
                // closing anyway
            }
        });
    }

    /**
     * After an IDLE that failed, the connection is cut rather than closed politely. Angus takes an untagged
     * {@code * NO} or {@code * BAD} during IDLE (Dovecot's "Internal error occurred" when an IDLE starts on a mailbox
     * broken since the last command) for the IDLE's end and throws, while the server is still idling: the close's
     * next command went unanswered until the read timeout (60 s), and the session reported the error only then.
     */
    private void disconnect() {
        cut = true;
        try {
            folder.forceClose();
        } catch (MessagingException | IllegalStateException ignored) {
            // already closed: the connection is gone, which is all this wants
        }
    }

    private void failOnServerError() {
        String error = serverError.get();
        if (error != null) {
            throw new MailServerException("the server reported an error on " + folder.getFullName() + ": " + error,
                    null);
        }
    }

    private boolean poll(Duration wait) {
        boolean ranOut = false;
        try {
            pollWake.drainPermits();
            if (!wakeRequested.getAndSet(false)) {
                ranOut = !pollWake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            wakeRequested.set(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("session stopped", e);
        }
        try {
            folder.getMessageCount(); // a NOOP: the server reports EXISTS/EXPUNGE/FETCH in its answer
        } catch (MessagingException e) {
            throw ImapFailures.translate("NOOP on " + folder.getFullName(), e);
        }
        return ranOut;
    }
}
