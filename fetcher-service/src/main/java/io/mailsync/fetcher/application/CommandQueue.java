package io.mailsync.fetcher.application;

import io.mailsync.fetcher.application.port.out.CommandTracing;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One session's commands in arrival order. Never drops one (issue 15: the inbound adapter pauses the partition when
 * too many wait); a command the connection failed to apply goes back first in line; a command arriving while the
 * loop waits wakes it (an IDLE ends at once).
 *
 * <p>Handing a command to the session begins its write-back span on the session's thread, and handing out the next
 * one (or none) ends it, so the STORE or APPEND in between is part of the trace the command arrived in (issue 17).
 * {@link #add} is called from any thread; the rest by the session's thread only.
 */
final class CommandQueue {

    private final Deque<PendingCommand> commands = new ConcurrentLinkedDeque<>();
    private volatile Runnable wakeUp;
    private CommandTracing.Span applying;

    void add(PendingCommand command) {
        commands.add(command);
        Runnable w = wakeUp;
        if (w != null) {
            Thread.ofVirtual().start(w);
        }
    }

    /** The next command, or null; the previous command's write-back span ends and the next one's begins. */
    PendingCommand next() {
        endApplying();
        PendingCommand next = commands.poll();
        if (next != null) {
            applying = next.trace().begin();
        }
        return next;
    }

    /** A command whose connection failed: first in line again; its span begins anew when it is handed out. */
    void retryFirst(PendingCommand command) {
        endApplying();
        commands.addFirst(command);
    }

    /** Called with a way to interrupt the loop's wait when a command arrives (null: none). */
    void onArrival(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** Ends the span of the command being applied, if any (the session's loop ended or failed). */
    void endApplying() {
        if (applying != null) {
            applying.end();
            applying = null;
        }
    }

    /** Every command not applied yet, taken out (the session is stopping). */
    List<PendingCommand> drain() {
        List<PendingCommand> drained = new ArrayList<>();
        for (PendingCommand c = commands.poll(); c != null; c = commands.poll()) {
            drained.add(c);
        }
        return drained;
    }
}
