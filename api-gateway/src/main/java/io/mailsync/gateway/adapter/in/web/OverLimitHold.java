package io.mailsync.gateway.adapter.in.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mailsync.gateway.application.settings.RequestLimits;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Holds a request that is over its limit (issue 16, R17). When its turn — a token reserved ahead in its bucket —
 * comes within the configured delay, it waits for it and goes on: a customer sending faster than its limit is
 * slowed to it, its requests admitted one by one as tokens come back instead of together when a window opens, so the
 * others' requests never meet a burst of its work. Otherwise it is held before its 429: a client that answers every
 * 429 with another request at once would get its refusals as fast as the gateway can write them, and one customer's
 * flood of refusals takes the CPU the others' requests need; held, it waits about as long as its {@code Retry-After}
 * says. Holding keeps a server thread, so it is bounded per customer and per replica; a request that finds no room
 * is refused at once.
 */
@Component
final class OverLimitHold {

    private final long maxDelayNanos;
    private final int perCustomer;
    private final Semaphore all;
    private final Cache<String, Semaphore> customers;

    @Autowired
    OverLimitHold(RequestLimits limits) {
        this(limits.overLimit());
    }

    OverLimitHold(RequestLimits.OverLimit settings) {
        this.maxDelayNanos = settings.maxDelay().toNanos();
        this.perCustomer = settings.maxHeldPerCustomer();
        this.all = new Semaphore(settings.maxHeld());
        // a customer idle for a minute holds nothing; one dropped for size while holding (100,000 customers newer)
        // only loosens that customer's bound, never the replica's
        this.customers = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(1)).build();
    }

    /**
     * Waits for a request's turn when there is room to hold it and {@code reserve} — given the longest wait
     * allowed — takes a token that far ahead at most.
     *
     * @param reserve answers the nanoseconds until the reserved token is due, or -1 when none is due in time (and
     *                nothing was reserved)
     * @return nanoseconds waited; -1 when the request was not given a turn (no room, or none in time)
     */
    long waitForTurn(String customerId, LongUnaryOperator reserve) throws InterruptedException {
        if (maxDelayNanos == 0) {
            return -1;
        }
        return holding(customerId, -1, () -> {
            long due = reserve.applyAsLong(maxDelayNanos);
            if (due > 0) {
                TimeUnit.NANOSECONDS.sleep(due);
            }
            return due;
        });
    }

    /**
     * Waits until {@code waitNanos} has passed (at most the configured delay) when there is room to hold this request.
     *
     * @return nanoseconds it was held; 0 when there was no room (or nothing to wait for)
     */
    long hold(String customerId, long waitNanos) throws InterruptedException {
        long delay = Math.min(Math.max(waitNanos, 0), maxDelayNanos);
        if (delay == 0) {
            return 0;
        }
        return holding(customerId, 0, () -> {
            TimeUnit.NANOSECONDS.sleep(delay);
            return delay;
        });
    }

    /** What a held request does with its thread. */
    private interface Held {
        long run() throws InterruptedException;
    }

    /** Runs {@code held} in one of the customer's and one of the replica's places; {@code noRoom} when none is free. */
    private long holding(String customerId, long noRoom, Held held) throws InterruptedException {
        if (perCustomer == 0) {
            return noRoom;
        }
        Semaphore customer = customers.get(customerId, k -> new Semaphore(perCustomer));
        if (!customer.tryAcquire()) {
            return noRoom;
        }
        try {
            if (!all.tryAcquire()) {
                return noRoom;
            }
            try {
                return held.run();
            } finally {
                all.release();
            }
        } finally {
            customer.release();
        }
    }
}
