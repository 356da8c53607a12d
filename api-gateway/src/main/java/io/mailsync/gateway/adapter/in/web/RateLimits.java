package io.mailsync.gateway.adapter.in.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.optimization.DefaultOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.skiponzero.SkipSyncOnZeroOptimization;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mailsync.gateway.application.settings.RequestLimits;
import io.mailsync.gateway.domain.Caller;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The limits every API request counts against (issue 16): its customer's and its client application's request
 * counts, and its customer's request-body bytes — each a Bucket4j token bucket kept in the store every replica
 * shares, refilled a token at a time (a customer at its limit is admitted evenly, not in a burst per period). A
 * request over a limit waits for a token reserved ahead when one is due soon enough ({@link OverLimitHold}). When
 * the store fails or is slow, a breaker sends the counting to buckets of this replica's own until the store answers
 * again: limits loosen to per replica, the API stays up.
 */
@Component
class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /**
     * The outcome for one request, with what the RateLimit headers say (draft-ietf-httpapi-ratelimit-headers);
     * {@code waitNanos}: for a refusal, how long until the refusing bucket has a token again.
     */
    record Decision(boolean allowed, String policy, long remaining, long resetSeconds, long retryAfterSeconds,
            long waitNanos) {
    }

    private final boolean enabled;
    private final ProxyManager<String> shared;
    private final BucketConfiguration perCustomer;
    private final BucketConfiguration perClient;
    private final BucketConfiguration bytesPerCustomer;
    private final long maxRequestBytes;
    private final long bytesPerRequest;
    private final String policyHeader;
    private final long windowSeconds;
    private final CircuitBreaker store;
    private final OverLimitHold hold;
    private final Cache<String, Bucket> local;
    /**
     * One proxy per bucket, so Bucket4j's skip-on-zero can remember an emptied bucket: until its next token, requests
     * over the limit are refused by this replica without asking the store (no other replica can add tokens), so a
     * customer hammering past its limit costs the store little (issue 16, R17).
     */
    private final Cache<String, BucketProxy> proxies;
    private final Optimization skipOnZero =
            new SkipSyncOnZeroOptimization(new DefaultOptimizationListener(), TimeMeter.SYSTEM_MILLISECONDS);

    RateLimits(RequestLimits limit, ProxyManager<String> shared, OverLimitHold hold) {
        this.enabled = limit.rateLimited();
        this.shared = shared;
        this.hold = hold;
        this.perCustomer = bucket(limit.perCustomer(), limit.period());
        this.perClient = bucket(limit.perClient(), limit.period());
        this.maxRequestBytes = limit.maxRequestBytes();
        long bytes = limit.bytesPerCustomer();
        this.bytesPerCustomer = bucket(bytes, limit.period());
        this.bytesPerRequest = bytes / Math.max(1, limit.perCustomer());
        this.windowSeconds = Math.max(1, (limit.period().toMillis() + 999) / 1000);
        this.policyHeader = "\"customer\";q=" + limit.perCustomer() + ";w=" + windowSeconds
                + ", \"client\";q=" + limit.perClient() + ";w=" + windowSeconds
                + ", \"bytes\";q=" + bytes + ";w=" + windowSeconds;
        this.store = CircuitBreaker.of("rate-limit-store", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .slowCallDurationThreshold(limit.storeTimeout()).slowCallRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10)).build());
        this.store.getEventPublisher().onStateTransition(e ->
                log.warn("rate-limit store {}: limits are counted {}", e.getStateTransition(),
                        e.getStateTransition().getToState() == CircuitBreaker.State.CLOSED
                                ? "across replicas again" : "per replica until it answers"));
        this.local = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(limit.period().multipliedBy(10)).build();
        this.proxies = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(limit.period().multipliedBy(10)).build();
    }

    private static BucketConfiguration bucket(long tokens, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(tokens).refillGreedy(tokens, period))
                .build();
    }

    boolean enabled() {
        return enabled;
    }

    String policyHeader() {
        return policyHeader;
    }

    /**
     * Takes one request from the customer's bucket, then from the client application's — waiting for a token where
     * one is due soon enough.
     */
    Decision take(Caller caller) {
        ConsumptionProbe customer = consume("customer:" + caller.customerId(), perCustomer, 1, caller);
        if (!customer.isConsumed()) {
            return refused("customer", customer);
        }
        ConsumptionProbe client = consume("client:" + caller.clientId(), perClient, 1, caller);
        if (!client.isConsumed()) {
            return refused("client", client);
        }
        boolean customerTighter = customer.getRemainingTokens() * perClient.getBandwidths()[0].getCapacity()
                <= client.getRemainingTokens() * perCustomer.getBandwidths()[0].getCapacity();
        ConsumptionProbe tighter = customerTighter ? customer : client;
        return new Decision(true, customerTighter ? "customer" : "client", tighter.getRemainingTokens(),
                seconds(tighter.getNanosToWaitForReset()), 0, 0);
    }

    /**
     * Takes a request body's bytes from its customer's byte budget ({@code contentLength} -1: a chunked body of
     * unknown size counts as the largest allowed). A body no larger than one request's share of the budget (the
     * budget over the customer's request limit; 20 KiB by default) costs nothing here: while the request limit
     * holds, such bodies cannot exceed the budget, so a device's flag edit is not a third round trip to the store
     * (issue 18, P7) and is not refused because the same customer uploaded megabytes.
     */
    Decision takeBytes(Caller caller, long contentLength) {
        long bytes = contentLength < 0 ? maxRequestBytes : Math.min(contentLength, maxRequestBytes);
        if (bytes <= bytesPerRequest) {
            return null;
        }
        ConsumptionProbe probe = consume("bytes:" + caller.customerId(), bytesPerCustomer, bytes, caller);
        return probe.isConsumed() ? null : refused("bytes", probe);
    }

    private Decision refused(String policy, ConsumptionProbe probe) {
        long retry = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Decision(false, policy, 0, retry, retry, probe.getNanosToWaitForRefill());
    }

    /** Takes {@code tokens}; without them, waits for its turn when it is due soon enough and there is room to wait. */
    private ConsumptionProbe consume(String key, BucketConfiguration configuration, long tokens, Caller caller) {
        ConsumptionProbe probe = inStore(key, configuration, bucket -> bucket.tryConsumeAndReturnRemaining(tokens));
        if (probe.isConsumed()) {
            return probe;
        }
        try {
            long waited = hold.waitForTurn(caller.customerId(),
                    maxWait -> inStore(key, configuration, bucket -> reserve(bucket, tokens, maxWait)));
            return waited < 0 ? probe : ConsumptionProbe.consumed(0, probe.getNanosToWaitForReset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return probe;
        }
    }

    /** Nanoseconds until {@code tokens} reserved ahead are due; -1 when they would not be within {@code maxWait}. */
    private static long reserve(Bucket bucket, long tokens, long maxWait) {
        long[] due = {0};
        try {
            return bucket.asBlocking().tryConsume(tokens, maxWait, nanos -> due[0] = nanos) ? due[0] : -1;
        } catch (InterruptedException e) { // not from the strategy above, which never waits
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Runs one command on the key's bucket in the shared store, or on this replica's own while the store is failing;
     * a reservation's wait is the caller's (the {@link BlockingStrategy} passed to Bucket4j only notes it), so
     * the breaker times the store alone.
     */
    private <T> T inStore(String key, BucketConfiguration configuration, Function<Bucket, T> command) {
        if (store.tryAcquirePermission()) {
            long start = System.nanoTime();
            try {
                T result = command.apply(proxies.get(key, k -> shared.builder().withOptimization(skipOnZero)
                        .build(k, () -> configuration)));
                store.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return result;
            } catch (RuntimeException e) {
                store.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                log.debug("rate-limit store failed for one request: {}", e.toString());
            }
        }
        return command.apply(local.get(key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build()));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
