package io.mailsync.gateway.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one caller may send (issue 16): a body limit for every request, and the token buckets per customer and
 * per client application that every replica shares.
 *
 * @param maxRequestBytes  larger request bodies answer 413 before they reach a service
 * @param rateLimited      false turns the token buckets off (the body limit stays)
 * @param perCustomer      requests one customer may make per period
 * @param perClient        requests all customers of one client application may make per period
 * @param period           the period; a bucket gets its tokens back one at a time, all of them within a period
 * @param bytesPerCustomer request body bytes one customer may send per period; never less than
 *                         {@code maxRequestBytes}, so a single allowed request always fits
 * @param storeTimeout     a shared bucket store slower than this and a replica counts on its own for a while
 * @param overLimit        how a request over a limit is slowed before it is refused
 */
public record RequestLimits(long maxRequestBytes, boolean rateLimited, int perCustomer, int perClient,
        Duration period, long bytesPerCustomer, Duration storeTimeout, OverLimit overLimit) {

    /**
     * A request over its customer's or client's limit waits up to {@code maxDelay} for its token and goes on; with
     * none due that soon it is held up to {@code maxDelay} (never past the time a token is back) before it answers
     * 429, so a client that retries at once cannot spend the gateway's CPU on refusals (issue 16, R17). At most
     * {@code maxHeldPerCustomer} of one customer's and {@code maxHeld} of all requests wait or are held at once;
     * past that, 429 at once.
     */
    public record OverLimit(Duration maxDelay, int maxHeldPerCustomer, int maxHeld) {

        public OverLimit {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxDelay.isNegative() || maxHeldPerCustomer < 0 || maxHeld < 0) {
                throw new IllegalArgumentException("over-limit holding must not be negative: max-delay " + maxDelay
                        + ", max-held-per-customer " + maxHeldPerCustomer + ", max-held " + maxHeld);
            }
        }
    }

    public RequestLimits {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(storeTimeout, "storeTimeout");
        Objects.requireNonNull(overLimit, "overLimit");
        if (maxRequestBytes <= 0 || perCustomer <= 0 || perClient <= 0 || bytesPerCustomer <= 0) {
            throw new IllegalArgumentException("request limits must be positive: max-request-size "
                    + maxRequestBytes + ", per-customer " + perCustomer + ", per-client " + perClient
                    + ", bytes-per-customer " + bytesPerCustomer);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate-limit period must be positive, was " + period);
        }
        bytesPerCustomer = Math.max(bytesPerCustomer, maxRequestBytes);
    }
}
