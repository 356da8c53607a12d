package io.mailsync.fetcher.application;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * A session's work between two waits, run on a virtual thread that ends with it while the session's own thread
 * waits for it. Issue 18, heap per IDLE mailbox: a virtual thread keeps, for as long as it lives, stack room for the
 * deepest wait it ever made — the MongoDB driver, the broker, a login are three to four times as deep as an IDLE —
 * and a session's thread lives as long as its mailbox. Measured on P3's fetcher: 12.0 KiB of parked stack per IDLE
 * mailbox, 7.6 KiB with the work on short threads.
 *
 * <p>The short thread carries the session's logging context and its name, and ends any command span it began (spans
 * end on the thread that began them). A stop that interrupts the session's thread interrupts the work instead, as it
 * would have interrupted the session's thread doing it, and the session sees the work's own outcome.
 */
final class ShortThreads {

    private ShortThreads() {
    }

    static <T> T call(SessionControl control, Supplier<T> work) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        FutureTask<T> task = new FutureTask<>(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                return work.get();
            } finally {
                control.endApplying();
            }
        });
        Thread worker = Thread.ofVirtual().name(Thread.currentThread().getName()).start(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    worker.interrupt();
                } catch (ExecutionException e) {
                    throw unchecked(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void run(SessionControl control, Runnable work) {
        call(control, () -> {
            work.run();
            return null;
        });
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }
}
