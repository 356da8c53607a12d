package io.mailsync.gateway.application.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Server-sent events.
 *
 * @param pingInterval          a comment line this often keeps proxies from closing an idle stream
 * @param streamTimeout         the stream ends after this; clients reconnect with {@code Last-Event-ID}
 * @param replay                on start, read this much of the state topic back so resumes know the latest state
 * @param maxStreamsPerCustomer open event streams one customer may hold on one replica; more answer 429
 */
public record PushSettings(Duration pingInterval, Duration streamTimeout, Duration replay,
        int maxStreamsPerCustomer) {

    public PushSettings {
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        Objects.requireNonNull(replay, "replay");
        if (pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("push ping-interval must be positive, was " + pingInterval);
        }
        if (maxStreamsPerCustomer <= 0) {
            throw new IllegalArgumentException("push max-streams-per-customer must be positive, was "
                    + maxStreamsPerCustomer);
        }
    }
}
