package io.mailsync.fetcher.application;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/** Per-account jittered exponential back-off (Resilience4j), reset once a session has been stable for a while. */
final class Backoff {

    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    private final IntervalFunction intervals;
    private int attempt;

    Backoff(Duration start, Duration max) {
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(start.toMillis(), MULTIPLIER, JITTER, max.toMillis());
    }

    Duration next() {
        attempt++;
        return Duration.ofMillis(intervals.apply(attempt));
    }

    void reset() {
        attempt = 0;
    }
}
