package io.mailsync.gateway.adapter.in.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mailsync.gateway.application.settings.RequestLimits;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Holds a request that is over its limit for a while before it is refused (issue 16, R17): a client that answers
 * every 429 with another request at once would otherwise get its refusals as fast as the gateway can write them,
 * and one customer's flood of refusals takes the CPU the others' requests need. Held, such a client waits about as
 * long as its {@code Retry-After} says. Holding keeps a server thread, so it is bounded per customer and per replica;
 * a request that finds no room is refused at once.
 */
final class OverLimitHold {

    private final long maxDelayNanos;
    private final int perCustomer;
    private final Semaphore all;
    private final Cache<String, Semaphore> customers;

    OverLimitHold(RequestLimits.OverLimit settings) {
        this.maxDelayNanos = settings.maxDelay().toNanos();
        this.perCustomer = settings.maxHeldPerCustomer();
        this.all = new Semaphore(settings.maxHeld());
        // a customer idle for a minute holds nothing; one dropped for size while holding (100,000 customers newer)
        // only loosens that customer's bound, never the replica's
        this.customers = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(1)).build();
    }

    /**
     * Waits until {@code waitNanos} has passed (at most the configured delay) when there is room to hold this request.
     *
     * @return nanoseconds it was held; 0 when there was no room (or nothing to wait for)
     */
    long hold(String customerId, long waitNanos) throws InterruptedException {
        long delay = Math.min(Math.max(waitNanos, 0), maxDelayNanos);
        if (delay == 0 || perCustomer == 0) {
            return 0;
        }
        Semaphore customer = customers.get(customerId, k -> new Semaphore(perCustomer));
        if (!customer.tryAcquire()) {
            return 0;
        }
        try {
            if (!all.tryAcquire()) {
                return 0;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(delay);
                return delay;
            } finally {
                all.release();
            }
        } finally {
            customer.release();
        }
    }
}
