package io.mailsync.fetcher.application;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * The first logins of accounts taken over from a failed fetcher (issue 15): paced at a rate rather than spread over a
 * random window. A window of w costs w at p99 however few accounts move; a rate lets the first tenth of a second's
 * worth log in at once and holds back only a large takeover — thousands of mailboxes reaching one mail server in
 * the same instant — to what the server is meant to take.
 */
final class TakeoverPacing {

    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final RateLimiter limiter;

    TakeoverPacing(int loginsPerSecond) {
        int perTenth = loginsPerSecond / 10;
        RateLimiterConfig.Builder config = RateLimiterConfig.custom().timeoutDuration(MAX_WAIT);
        if (perTenth >= 1) {
            config.limitRefreshPeriod(Duration.ofMillis(100)).limitForPeriod(perTenth);
        } else {
            config.limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / loginsPerSecond)).limitForPeriod(1);
        }
        this.limiter = RateLimiter.of("takeover-logins", config.build());
    }

    /** Waits for the next login's turn; false when interrupted (the session is being stopped). */
    boolean awaitTurn() {
        return limiter.acquirePermission();
    }
}
