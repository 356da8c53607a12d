package io.mailsync.fetcher.application;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One session's commands in arrival order. Never drops one (issue 15: the inbound adapter pauses the partition when
 * too many wait); a command the connection failed to apply goes back first in line; a command arriving while the
 * loop waits wakes it (an IDLE ends at once).
 */
final class CommandQueue {

    private final Deque<PendingCommand> commands = new ConcurrentLinkedDeque<>();
    private volatile Runnable wakeUp;

    void add(PendingCommand command) {
        commands.add(command);
        Runnable w = wakeUp;
        if (w != null) {
            Thread.ofVirtual().start(w);
        }
    }

    PendingCommand next() {
        return commands.poll();
    }

    void retryFirst(PendingCommand command) {
        commands.addFirst(command);
    }

    /** Called with a way to interrupt the loop's wait when a command arrives (null: none). */
    void onArrival(Runnable wakeUp) {
        this.wakeUp = wakeUp;
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
