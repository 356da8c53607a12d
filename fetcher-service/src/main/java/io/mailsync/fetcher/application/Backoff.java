package io.mailsync.fetcher.application;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Per-account jittered exponential back-off (Resilience4j), reset once a session had been connected for
 * {@code stableAfter} before it failed.
 */
final class Backoff {

    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    private final IntervalFunction intervals;
    private final Duration stableAfter;
    private int attempt;
    private volatile Instant connectedAt;

    Backoff(Duration start, Duration max, Duration stableAfter) {
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(start.toMillis(), MULTIPLIER, JITTER, max.toMillis());
        this.stableAfter = stableAfter;
    }

    /** The session is connected from {@code at} on (null: not connected). */
    void connected(Instant at) {
        connectedAt = at;
    }

    /** The wait after a failure at {@code now}: from the start again if the connection had been stable. */
    Duration afterFailure(Instant now) {
        Instant since = connectedAt;
        if (since != null && Duration.between(since, now).compareTo(stableAfter) >= 0) {
            attempt = 0;
        }
        return next();
    }

    Duration next() {
        attempt++;
        return Duration.ofMillis(intervals.apply(attempt));
    }

    /** A random wait of up to {@code window}, to spread many sessions' starts. */
    static Duration randomUpTo(Duration window) {
        long millis = window.toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(millis));
    }
}
