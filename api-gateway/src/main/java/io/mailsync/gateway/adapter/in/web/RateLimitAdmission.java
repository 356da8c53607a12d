package io.mailsync.gateway.adapter.in.web;

import io.mailsync.gateway.domain.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether one request of a known caller may go on, by its customer's and its client application's limits
 * ({@link RateLimits}). A request over either waits for its turn when it is due within the hold's delay; otherwise
 * it is held a while ({@link OverLimitHold}), then answers 429 with {@code Retry-After} (the time still left after
 * the hold). Every answer carries {@code RateLimit-Policy} and
 * {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers: the policy nearest exhaustion, {@code r} requests left,
 * {@code t} seconds until it is full again).
 */
@Component
class RateLimitAdmission {

    private final RateLimits limits;
    private final OverLimitHold hold;

    RateLimitAdmission(RateLimits limits, OverLimitHold hold) {
        this.limits = limits;
        this.hold = hold;
    }

    /** True when the request may go on; false when its 429 has been written. */
    boolean admit(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!limits.enabled()) {
            return true;
        }
        RateLimits.Decision decision = decide(caller, request);
        long retryAfter = decision.retryAfterSeconds();
        if (!decision.allowed()) {
            long left = decision.waitNanos() - hold(caller, decision);
            retryAfter = Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        }
        response.setHeader("RateLimit-Policy", limits.policyHeader());
        response.setHeader("RateLimit", "\"" + decision.policy() + "\";r=" + decision.remaining()
                + ";t=" + decision.resetSeconds());
        if (decision.allowed()) {
            return true;
        }
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, switch (decision.policy()) {
            case "customer" -> "too many requests from this customer";
            case "bytes" -> "this customer sent too many bytes of request bodies";
            default -> "too many requests from this client application";
        } + "; retry after " + retryAfter + " s");
        return false;
    }

    private RateLimits.Decision decide(Caller caller, HttpServletRequest request) {
        RateLimits.Decision decision = limits.take(caller);
        if (decision.allowed()) {
            RateLimits.Decision bytes = limits.takeBytes(caller, bodyLength(request));
            decision = bytes == null ? decision : bytes;
        }
        return decision;
    }

    /** Nanoseconds the refused request was held. */
    private long hold(Caller caller, RateLimits.Decision refused) {
        try {
            return hold.hold(caller.customerId(), refused.waitNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The body's declared length; -1 for a chunked body of unknown length; 0 for none (most GETs). */
    private static long bodyLength(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length < 0 && request.getHeader("Transfer-Encoding") == null ? 0 : length;
    }
}
