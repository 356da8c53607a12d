package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.domain.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated API request against its customer's and its client application's limits
 * ({@link RateLimits}); over either answers 429 with {@code Retry-After} at once, without calling a service. Every
 * answer carries {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers: the policy
 * nearest exhaustion, {@code r} requests left, {@code t} seconds until it is full again).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.current();
        if (caller.isPresent()) {
            request.setAttribute(Callers.CLIENT_ATTRIBUTE, caller.get().clientId());
            if (limits.enabled()) {
                RateLimits.Decision decision = limits.take(caller.get());
                response.setHeader("RateLimit-Policy", limits.policyHeader());
                response.setHeader("RateLimit", "\"" + decision.policy() + "\";r=" + decision.remaining()
                        + ";t=" + decision.resetSeconds());
                if (!decision.allowed()) {
                    response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                    Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too many requests from this "
                            + ("customer".equals(decision.policy()) ? "customer" : "client application")
                            + "; retry after " + decision.retryAfterSeconds() + " s");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }
}
