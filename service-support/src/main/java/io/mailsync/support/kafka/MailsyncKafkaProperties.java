package io.mailsync.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailsync.kafka.*}, read here for every service (ADR 0001, ADR 0011).
 *
 * @param namespace   prefix of every topic name, so several systems or tests share one cluster unseen (empty in
 *                    production)
 * @param groupSuffix appended to every consumer-group id (empty in production, set by tests and devstack)
 * @param retry       what a listener does with a record it failed on
 */
@ConfigurationProperties("mailsync.kafka")
public record MailsyncKafkaProperties(@DefaultValue("") String namespace, @DefaultValue("") String groupSuffix,
        @DefaultValue Retry retry) {

    /**
     * One policy for every listener (STYLE.md "Failure handling"): exponential back-off with jitter, bounded, then
     * the record goes to {@code <topic>.DLT} with the failure in its headers and the partition moves on.
     *
     * @param initialInterval the first wait
     * @param multiplier      each wait is this many times the one before
     * @param maxInterval     no wait is longer
     * @param jitter          each wait moves by up to this much either way, so replicas that failed on the same
     *                        record do not retry in step
     * @param maxRetries      deliveries after the first; then the record is dead-lettered
     * @param deadLetter      false: log and skip instead of publishing to the DLT (a service whose Kafka user may
     *                        not write dead-letter topics and whose listeners lose nothing by skipping)
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("2s") Duration maxInterval,
            @DefaultValue("50ms") Duration jitter,
            @DefaultValue("3") int maxRetries,
            @DefaultValue("true") boolean deadLetter) {

        public Retry {
            // Spring scales the jitter by interval / initial-interval: a zero initial interval cannot be jittered
            if (maxRetries < 0 || multiplier < 1 || initialInterval.toMillis() <= 0 || jitter.isNegative()
                    || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("mailsync.kafka.retry: max-retries >= 0, multiplier >= 1,"
                        + " max-interval >= initial-interval > 0 and jitter >= 0, were " + maxRetries + ", "
                        + multiplier + ", " + maxInterval + ", " + initialInterval + ", " + jitter);
            }
        }
    }
}
