package io.mailsync.fetcher.adapter.out.imap;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One IDLE's timers, on the JVM's shared scheduler rather than a thread per session (issue 18, P3: a sleeping thread
 * per IDLE costs its stack): at {@code maxWait} the IDLE is ended, and if it is still going {@code answerTimeout}
 * later the connection is cut. Each IDLE has its own, so a timer that fires just as its IDLE ends can never cut the
 * next one.
 */
final class IdleWatchdog {

    /** Every IDLE's watchdog timers: one daemon thread for the JVM; a cancelled timer leaves the queue at once. */
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final Runnable wakeUp;
    private final Runnable cut;
    private final Duration answerTimeout;
    private volatile boolean idling = true;
    /** The IDLE was ended at maxWait, not by anything the server sent or a wake-up. */
    private volatile boolean ranOut;
    private volatile ScheduledFuture<?> next;

    /** {@code wakeUp} ends the IDLE (it sends a command and may wait for the folder's lock); {@code cut} closes. */
    private IdleWatchdog(Runnable wakeUp, Runnable cut, Duration answerTimeout) {
        this.wakeUp = wakeUp;
        this.cut = cut;
        this.answerTimeout = answerTimeout;
    }

    static IdleWatchdog start(Duration maxWait, Duration answerTimeout, Runnable wakeUp, Runnable cut) {
        IdleWatchdog watchdog = new IdleWatchdog(wakeUp, cut, answerTimeout);
        watchdog.next = TIMERS.schedule(watchdog::ended, maxWait.toMillis(), TimeUnit.MILLISECONDS);
        return watchdog;
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("imap-idle-timers").daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    private void ended() {
        if (!idling) {
            return;
        }
        ranOut = true;
        Thread.ofVirtual().start(wakeUp);
        next = TIMERS.schedule(this::unanswered, answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void unanswered() {
        if (idling) {
            cut.run();
        }
    }

    /** The IDLE is over: no timer of this one fires any more. */
    void end() {
        idling = false;
        next.cancel(false);
    }

    boolean ranOut() {
        return ranOut;
    }
}
