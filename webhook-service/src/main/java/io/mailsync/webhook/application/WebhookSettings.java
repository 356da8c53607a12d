package io.mailsync.webhook.application;

import java.time.Duration;
import java.util.Objects;

/**
 * What the use cases are told by configuration.
 *
 * @param allowHttp    plain-http receivers are accepted (tests and devstack only)
 * @param secretGrace  how long a rotated-out secret keeps signing beside the new one
 * @param logPageSize  how many log entries a listing shows
 * @param maxSubscriptionsPerCustomer more are refused: every one multiplies the fan-out's work for each event
 */
public record WebhookSettings(boolean allowHttp, Duration secretGrace, int logPageSize,
                              int maxSubscriptionsPerCustomer) {

    public WebhookSettings {
        Objects.requireNonNull(secretGrace, "secretGrace");
        if (secretGrace.isNegative() || logPageSize < 1 || maxSubscriptionsPerCustomer < 1) {
            throw new IllegalArgumentException("secret-grace >= 0, log-page-size and max-subscriptions-per-customer >= 1");
        }
    }
}
