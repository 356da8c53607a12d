package io.mailsync.benchmarks;

import java.time.Duration;

/**
 * Paces an open-loop benchmark: each step starts no sooner than {@code spacing} after the previous one started, so
 * a slow answer delays the next step but never crowds two together (P1, P6 and P10 deliver ≥ 1 s apart).
 */
final class Pacer {

    private final long spacingNanos;
    private long next = System.nanoTime();

    Pacer(Duration spacing) {
        this.spacingNanos = spacing.toNanos();
    }

    /** Waits until the next step may start, and answers when it did ({@link System#nanoTime()}). */
    long awaitNext() throws InterruptedException {
        long wait = next - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
        long now = System.nanoTime();
        next = now + spacingNanos;
        return now;
    }
}
