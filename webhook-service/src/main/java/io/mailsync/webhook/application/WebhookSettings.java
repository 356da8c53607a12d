package io.mailsync.webhook.application;

import java.time.Duration;
import java.util.Objects;

/**
 * What the use cases are told by configuration.
 *
 * @param allowHttp    plain-http receivers are accepted (tests and devstack only)
 * @param secretGrace  how long a rotated-out secret keeps signing beside the new one
 * @param logPageSize  how many log entries a listing shows
 */
public record WebhookSettings(boolean allowHttp, Duration secretGrace, int logPageSize) {

    public WebhookSettings {
        Objects.requireNonNull(secretGrace, "secretGrace");
        if (secretGrace.isNegative() || logPageSize < 1) {
            throw new IllegalArgumentException("secret-grace >= 0 and log-page-size >= 1");
        }
    }
}
