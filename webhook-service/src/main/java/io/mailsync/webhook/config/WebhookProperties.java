package io.mailsync.webhook.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailsync.webhooks.*} (ADR 0013).
 *
 * @param allowHttp   accept plain-http receivers (tests, devstack); production takes https only
 * @param secretGrace how long a rotated-out secret keeps signing beside the new one
 * @param logPageSize delivery-log entries a listing shows
 * @param logRetention how long the delivery log keeps an entry after its last change (a MongoDB TTL index); a parked
 *                     delivery can be redelivered until then
 * @param maxSubscriptionsPerCustomer more are refused (each multiplies the fan-out's work per event)
 * @param targets     which receivers may be connected to (the SSRF guard's allow-list and ports)
 * @param delivery    timeouts and the retry schedule
 */
@ConfigurationProperties("mailsync.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("PT24H") Duration secretGrace,
        @DefaultValue("100") int logPageSize,
        @DefaultValue("P30D") Duration logRetention,
        @DefaultValue("25") int maxSubscriptionsPerCustomer,
        @DefaultValue Targets targets,
        @DefaultValue Delivery delivery) {

    /**
     * @param allow CIDR blocks, addresses or host names that may be reached although internal (as
     *              {@code mailsync.security.mail-servers.allow}); empty in production
     * @param ports ports a receiver may listen on: numbers or ranges
     */
    public record Targets(@DefaultValue List<String> allow, @DefaultValue({"443", "8443"}) List<String> ports) {
    }

    /**
     * Non-blocking retries (Spring Kafka retry topics): {@code attempts} in all, the first retry after
     * {@code firstDelay}, each next one {@code multiplier} times longer up to {@code maxDelay}, each moved by up to
     * {@code jitter}; then the delivery is parked. {@code partitions}: of the delivery, retry and dead-letter topics
     * where the service creates them (deploy/ declares them in production); more partitions, more replicas at work.
     * {@code concurrency}: consumers per replica on the delivery topic and on each retry topic, so one slow receiver
     * (up to {@code responseTimeout} per attempt) holds up only the partition it is on.
     */
    public record Delivery(@DefaultValue("8") int attempts, @DefaultValue("10s") Duration firstDelay,
                           @DefaultValue("3") double multiplier, @DefaultValue("10m") Duration maxDelay,
                           @DefaultValue("2s") Duration jitter, @DefaultValue("5s") Duration connectTimeout,
                           @DefaultValue("10s") Duration responseTimeout, @DefaultValue("12") int partitions,
                           @DefaultValue("4") int concurrency) {

        public Delivery {
            if (partitions < 1 || concurrency < 1) {
                throw new IllegalArgumentException("mailsync.webhooks.delivery.partitions and .concurrency: at least 1");
            }
            if (attempts < 1 || multiplier < 1 || !firstDelay.isPositive() || maxDelay.compareTo(firstDelay) < 0
                    || jitter.isNegative() || jitter.compareTo(firstDelay) >= 0) {
                throw new IllegalArgumentException("mailsync.webhooks.delivery: attempts >= 1, multiplier >= 1,"
                        + " max-delay >= first-delay > jitter >= 0; were " + attempts + ", " + multiplier + ", "
                        + maxDelay + ", " + firstDelay + ", " + jitter);
            }
        }
    }
}
