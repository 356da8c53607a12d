package io.mailsync.fetcher.application;

import io.mailsync.events.MailCommand;
import io.mailsync.fetcher.application.port.out.CommandTracing;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's commands, in arrival order. Handing a command to the session begins its write-back span on the
 * session's thread, and handing out the next one (or none) ends it, so the STORE or APPEND in between is part of the
 * trace the command arrived in (issue 17). Filled from any thread; {@link #next}, {@link #retryFirst} and
 * {@link #endApplying} are called by the session's thread only.
 */
final class CommandQueue {

    static final int MAX_QUEUED = 10_000;

    private final Deque<TracedCommand> queued = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private TracedCommand applying;
    private CommandTracing.Span applyingSpan;

    /** False when the queue is full and the command is dropped. */
    boolean offer(TracedCommand command) {
        if (size.incrementAndGet() > MAX_QUEUED) {
            size.decrementAndGet();
            return false;
        }
        queued.add(command);
        return true;
    }

    /** The next command, or null; the previous command's write-back span ends and the next one's begins. */
    MailCommand next() {
        endApplying();
        TracedCommand next = queued.poll();
        if (next == null) {
            return null;
        }
        size.decrementAndGet();
        applying = next;
        applyingSpan = next.trace().begin();
        return next.command();
    }

    /** A command whose connection failed: first in line again, with its trace. */
    void retryFirst(MailCommand command) {
        TracedCommand again = applying != null && applying.command() == command ? applying
                : new TracedCommand(command, CommandTracing.NONE.capture(command));
        endApplying();
        size.incrementAndGet();
        queued.addFirst(again);
    }

    /** Ends the span of the command being applied, if any (the session's loop ended or failed). */
    void endApplying() {
        if (applyingSpan != null) {
            applyingSpan.end();
            applyingSpan = null;
        }
        applying = null;
    }
}
