package io.mailsync.fetcher.application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The owner-epoch reads that let a session write commands to the server (issue 15, ADR 0007: a stale owner must
 * not), begun as a command arrives — beside the wake-up that ends the IDLE with DONE — instead of after the IDLE
 * ended (issue 18, P7 item 4). The rule is the serial check's: a command is written only on the answer of a read that
 * began after it arrived and after the session last {@linkplain #moveOn() moved on} (began to wait, took its epoch),
 * never on an answer from before; {@link #holds()} waits for such a read, beginning one when none is under way.
 * Commands arriving while a read is under way begin one more once it ends, which covers them all: a burst costs two
 * reads, not one per command. A failed read decides only for those waiting on it; the next check reads again.
 */
final class OwnerChecks {

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    /** A read, and the number of arrivals and moves before it began. */
    private record Read(long begunAfter, CompletableFuture<Boolean> holds) {
    }

    private final BooleanSupplier read;
    private long seq; // arrivals and moves so far, guarded by this
    private Read latest; // the read under way, or the last one
    private boolean again; // a read is wanted once the one under way ends

    /** {@code read}: whether the session's epoch is still the newest, asked of the shared store. */
    OwnerChecks(BooleanSupplier read) {
        this.read = read;
    }

    /** A command arrives (called before it is queued, on the arriving thread; never blocks). */
    synchronized void arriving() {
        seq++;
        want(seq);
    }

    /** From now on only reads begun later decide. */
    synchronized void moveOn() {
        seq++;
    }

    /**
     * Whether the epoch held, by a read begun after every command taken so far arrived and after the last move on;
     * waits for it. Throws the read's failure, or {@link IllegalStateException} when the session is interrupted.
     */
    boolean holds() {
        long need;
        synchronized (this) {
            need = seq;
        }
        while (true) {
            Read r;
            synchronized (this) {
                want(need);
                r = latest;
            }
            if (r.begunAfter() >= need) {
                return answer(r);
            }
            awaitEnd(r); // begun too early: only its end matters, then the read after it
        }
    }

    /** Holding the lock: makes sure a read that begins at or after {@code need} is under way or will be. */
    private void want(long need) {
        if (latest == null || latest.holds().isDone()
                && (latest.begunAfter() < need || latest.holds().isCompletedExceptionally())) {
            begin();
        } else if (latest.begunAfter() < need) {
            again = true;
        }
    }

    private void begin() {
        Read r = new Read(seq, new CompletableFuture<>());
        latest = r;
        BACKGROUND.execute(() -> {
            Boolean holds = null;
            RuntimeException failure = null;
            try {
                holds = read.getAsBoolean();
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (this) {
                if (again && latest == r) { // the next begins before this one ends: no waiter finds neither
                    again = false;
                    begin();
                }
            }
            if (failure != null) {
                r.holds().completeExceptionally(failure);
            } else {
                r.holds().complete(holds);
            }
        });
    }

    private static void awaitEnd(Read r) {
        try {
            r.holds().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the owner epoch", e);
        } catch (ExecutionException e) {
            // not the read that decides
        }
    }

    private static boolean answer(Read r) {
        try {
            return r.holds().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the owner epoch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
