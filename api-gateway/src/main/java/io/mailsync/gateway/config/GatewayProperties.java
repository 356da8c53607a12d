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
 * @param syncUri        sync-service base URI: every {@code /api/v1/**} request that is not quota, webhooks or push
 * @param quotaUri       quota-service base URI: {@code /api/v1/accounts/{id}/quota[/**]}
 * @param webhooksUri    webhook-service base URI: {@code /api/v1/webhooks[/**]} (ADR 0013)
 * @param maxRequestSize larger request bodies answer 413 before they reach a service
 */
@ConfigurationProperties("mailsync.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8081") URI syncUri,
        @DefaultValue("http://localhost:8082") URI quotaUri,
        @DefaultValue("http://localhost:8084") URI webhooksUri,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue Downstream downstream,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Push push,
        @DefaultValue Cors cors) {

    /**
     * Isolation of the calls to the services (issue 16): a circuit breaker and a bulkhead per downstream route and
     * customer, so one customer's slow or failing calls pause only that customer's; and a breaker per route that
     * counts only refused connections (the service is down for everyone). One time limiter for all.
     *
     * @param timeout                  a call without response headers after this answers 503
     * @param failureRateThreshold     percent of failed calls in the window that opens a breaker
     * @param slidingWindowSize        calls the failure rate is computed over
     * @param minimumNumberOfCalls     calls needed before the rate means anything
     * @param openFor                  how long an open breaker answers 503 without calling
     * @param maxConcurrentPerCustomer calls of one customer in flight to one route at once; more answer 429
     * @param maxTrackedCustomers      customers whose breakers and bulkheads are kept (least recently used go)
     */
    public record Downstream(
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration openFor,
            @DefaultValue("16") int maxConcurrentPerCustomer,
            @DefaultValue("100000") int maxTrackedCustomers) {
    }

    /**
     * Requests per customer (the token's {@code sub}) and per client application ({@code azp}, else
     * {@code client_id}; every customer of one app shares it), counted in token buckets in MongoDB that every
     * gateway replica shares (Bucket4j). While the store does not answer within {@code store-timeout}, each replica
     * limits on its own and says so in the log.
     *
     * @param perCustomer  requests one customer may make per period
     * @param perClient    requests all customers of one client application may make per period
     * @param period       the period; a bucket gets its tokens back one at a time, all of them within a period
     * @param bytesPerCustomer request body bytes one customer may send per period (a chunked body counts as
     *                     {@code max-request-size}): a customer posting megabytes cannot take the services' time
     *                     from the others (issue 16); at least {@code max-request-size}. A body no larger than
     *                     this over {@code per-customer} is counted by the request limits alone
     * @param storeTimeout longer than this and a replica falls back to its own buckets for a while
     * @param maxDelay     a request over a limit waits this long at most for its token and then goes on; when none
     *                     is due that soon it is held this long (less if a token is back sooner) before it answers
     *                     429, so a client retrying at once cannot flood the gateway (0: refuse at once)
     * @param maxHeldPerCustomer requests of one customer held at once on one replica; more answer 429 at once
     * @param maxHeld      requests of all customers held at once on one replica (each keeps a server thread: keep it
     *                     well under {@code server.tomcat.threads.max}, 200 by default)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") int perCustomer,
            @DefaultValue("1000") int perClient,
            @DefaultValue("1s") Duration period,
            @DefaultValue("2MB") DataSize bytesPerCustomer,
            @DefaultValue("500ms") Duration storeTimeout,
            @DefaultValue("1s") Duration maxDelay,
            @DefaultValue("16") int maxHeldPerCustomer,
            @DefaultValue("100") int maxHeld) {
    }

    /**
     * Server-sent events.
     *
     * @param pingInterval  a comment line this often keeps proxies from closing an idle stream
     * @param streamTimeout the stream ends after this; clients reconnect with {@code Last-Event-ID}
     * @param replay        on start, read this much of the state topic back so resumes know the latest state
     * @param maxStreamsPerCustomer open event streams one customer may hold on one replica; more answer 429
     */
    public record Push(
            @DefaultValue("30s") Duration pingInterval,
            @DefaultValue("30m") Duration streamTimeout,
            @DefaultValue("1h") Duration replay,
            @DefaultValue("20") int maxStreamsPerCustomer) {
    }

    /** Browser clients: origins allowed to call the API (none by default). */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
    }
}
