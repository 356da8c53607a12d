package io.mailsync.gateway.adapter.in.web;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.mailsync.gateway.config.GatewayProperties;
import io.mailsync.gateway.domain.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Resilience4j rate limiter per client (the token's client, else its subject): over the limit answers 429 with
 * {@code Retry-After} at once, without waiting for a permit and without calling a service.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** Beyond this many clients the map starts over: one period of fresh limits beats unbounded memory. */
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final RateLimiterConfig config;
    private final boolean enabled;

    RateLimitFilter(GatewayProperties.RateLimit limit) {
        this.enabled = limit.enabled();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.limitForPeriod())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    private RateLimiter limiterOf(String clientId) {
        if (limiters.size() > MAX_TRACKED_CLIENTS) {
            limiters.clear();
        }
        return limiters.computeIfAbsent(clientId, id -> RateLimiter.of("client:" + id, config));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current();
        if (caller.isPresent()) {
            request.setAttribute(Callers.CLIENT_ATTRIBUTE, caller.get().clientId());
            if (enabled) {
                RateLimiter limiter = limiterOf(caller.get().clientId());
                if (!limiter.acquirePermission()) {
                    long seconds = Math.max(1, (nanosToWait(limiter) + 999_999_999L) / 1_000_000_000L);
                    response.setHeader("Retry-After", Long.toString(seconds));
                    Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                            "too many requests from this client; retry after " + seconds + " s");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Until the next permit: the limiter knows it exactly; a period is the safe guess otherwise. */
    private static long nanosToWait(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Math.max(0, atomic.getDetailedMetrics().getNanosToWait());
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }
}
