package io.mailsync.gateway.application.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the services live and how the gateway isolates the calls to them (issue 16): a circuit breaker and a
 * bulkhead per route and customer, a breaker per route for refused connections, one time limit for all.
 *
 * @param syncUri                  sync-service base URI
 * @param quotaUri                 quota-service base URI
 * @param webhooksUri              webhook-service base URI (ADR 0013)
 * @param timeout                  a call without response headers after this answers 503
 * @param failureRateThreshold     percent of failed calls in the window that opens a breaker
 * @param slidingWindowSize        calls the failure rate is computed over
 * @param minimumNumberOfCalls     calls needed before the rate means anything
 * @param openFor                  how long an open breaker answers 503 without calling
 * @param maxConcurrentPerCustomer calls of one customer in flight to one route at once; more answer 429
 * @param maxTrackedCustomers      customers whose breakers and bulkheads are kept (least recently used go)
 */
public record DownstreamSettings(URI syncUri, URI quotaUri, URI webhooksUri, Duration timeout, float failureRateThreshold,
        int slidingWindowSize, int minimumNumberOfCalls, Duration openFor, int maxConcurrentPerCustomer,
        int maxTrackedCustomers) {

    public DownstreamSettings {
        Objects.requireNonNull(syncUri, "syncUri");
        Objects.requireNonNull(quotaUri, "quotaUri");
        Objects.requireNonNull(webhooksUri, "webhooksUri");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(openFor, "openFor");
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("failure-rate-threshold is a percentage in (0, 100], was "
                    + failureRateThreshold);
        }
        if (slidingWindowSize <= 0 || minimumNumberOfCalls <= 0 || maxConcurrentPerCustomer <= 0
                || maxTrackedCustomers <= 0) {
            throw new IllegalArgumentException("downstream sizes must be positive: sliding-window-size "
                    + slidingWindowSize + ", minimum-number-of-calls " + minimumNumberOfCalls
                    + ", max-concurrent-per-customer " + maxConcurrentPerCustomer + ", max-tracked-customers "
                    + maxTrackedCustomers);
        }
    }
}
