package io.mailsync.fetcher.application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One folder's settlings during an import (issue 18, P2): each awaits its events' acknowledgements, then writes the
 * index and the cursor, in the background while the session reads on; one at a time and in order, since the next
 * starts only once the one before was {@link #joined()}.
 */
final class Settling<T> {

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    private CompletableFuture<T> running;

    /** Starts one; the one before must have been {@link #joined()}. */
    void start(Supplier<T> settle) {
        if (running != null) {
            throw new IllegalStateException("the settling before is not joined");
        }
        running = CompletableFuture.supplyAsync(settle, BACKGROUND);
    }

    /**
     * Waits for the running one, if any, and returns what it settled (null for none). Its failure — the broker, the
     * store, a lost owner — is thrown here, on the session's thread; the wait ends on the session's interrupt (stop).
     */
    T joined() {
        CompletableFuture<T> waited = running;
        running = null;
        if (waited == null) {
            return null;
        }
        try {
            return waited.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
