package io.mailsync.fetcher.adapter.out.imap;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Waiting for a folder to change: IDLE where the server offers it (RFC 2177), otherwise a plain wait and a NOOP.
 * Either wait can be ended early from another thread, when there is work for the session.
 */
final class ImapWaiter {

    private static final int WAKE_ATTEMPTS = 50;
    private static final Duration WAKE_RETRY = Duration.ofMillis(100);

    private final IMAPFolder folder;
    private final boolean idle;
    private final Runnable idleWakeUp;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final Semaphore pollWake = new Semaphore(0);

    ImapWaiter(IMAPFolder folder, boolean idle, Runnable idleWakeUp) {
        this.folder = folder;
        this.idle = idle;
        this.idleWakeUp = idleWakeUp;
    }

    void awaitChange(Duration maxWait) {
        if (wakeRequested.getAndSet(false)) {
            return;
        }
        if (!idle) {
            poll(maxWait);
            return;
        }
        // the watchdog ends the IDLE before maxWait: re-issued before RFC 2177's 29 minutes
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(maxWait);
                wakeUp();
            } catch (InterruptedException ignored) {
                // IDLE ended first
            }
        });
        try {
            folder.idle(true);
            idleWakeUp.run();
        } catch (MessagingException e) {
            throw ImapFailures.translate("IDLE on " + folder.getFullName(), e);
        } finally {
            wakeRequested.set(false);
            watchdog.interrupt();
        }
    }

    /**
     * Any command on the folder from another thread makes Angus end the IDLE (DONE). The flag covers a wake-up
     * that lands just before the IDLE starts: it is retried until the waiting side has seen it.
     */
    void wakeUp() {
        wakeRequested.set(true);
        pollWake.release();
        if (!idle) {
            return;
        }
        for (int attempt = 0; attempt < WAKE_ATTEMPTS && wakeRequested.get() && folder.isOpen(); attempt++) {
            try {
                folder.doCommand(p -> null);
                Thread.sleep(WAKE_RETRY);
            } catch (MessagingException | IllegalStateException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void poll(Duration wait) {
        try {
            pollWake.drainPermits();
            if (!wakeRequested.getAndSet(false)) {
                pollWake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
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
    }
}
