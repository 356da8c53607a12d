package io.mailsync.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway is told from outside: where the services live and how hard it protects them.
 *
 * @param syncUri        sync-service base URI: every {@code /api/v1/**} request that is not quota or push
 * @param quotaUri       quota-service base URI: {@code /api/v1/accounts/{id}/quota[/**]}
 * @param maxRequestSize larger request bodies answer 413 before they reach a service
 */
@ConfigurationProperties("mailsync.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8081") URI syncUri,
        @DefaultValue("http://localhost:8082") URI quotaUri,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Downstream downstream,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Push push,
        @DefaultValue Cors cors) {

    /**
     * Circuit breaker and time limiter, one of each per downstream route.
     *
     * @param timeout                a call without response headers after this answers 503
     * @param failureRateThreshold   percent of failed calls in the window that opens the breaker
     * @param slidingWindowSize      calls the failure rate is computed over
     * @param minimumNumberOfCalls   calls needed before the rate means anything
     * @param openFor                how long an open breaker answers 503 without calling
     */
    public record Downstream(
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration openFor) {
    }

    /**
     * Requests per client (the token's {@code azp}/{@code client_id}, else its {@code sub}).
     *
     * @param limitForPeriod requests a client may make per period
     * @param period         the refresh period
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") int limitForPeriod,
            @DefaultValue("1s") Duration period) {
    }

    /**
     * Server-sent events.
     *
     * @param pingInterval  a comment line this often keeps proxies from closing an idle stream
     * @param streamTimeout the stream ends after this; clients reconnect with {@code Last-Event-ID}
     * @param replay        on start, read this much of the state topic back so resumes know the latest state
     */
    public record Push(
            @DefaultValue("30s") Duration pingInterval,
            @DefaultValue("30m") Duration streamTimeout,
            @DefaultValue("1h") Duration replay) {
    }

    /** Browser clients: origins allowed to call the API (none by default). */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
    }
}
