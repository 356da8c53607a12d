package io.mailsync.quota.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A plan's alerting rules: its levels, how far usage must fall below a level to re-arm it (5 points), how long
 * the same or a lower level is not repeated (7 days), and the forecast.
 */
public record AlertPolicy(Levels levels, int rearmMargin, Duration gracePeriod, ForecastPolicy forecast) {

    public AlertPolicy {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(forecast, "forecast");
        if (rearmMargin < 0 || rearmMargin > 50) {
            throw new IllegalArgumentException("the re-arm margin is 0 to 50 points");
        }
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("the grace period is not negative");
        }
    }

    public static AlertPolicy defaults() {
        return new AlertPolicy(Levels.defaults(), 5, Duration.ofDays(7), ForecastPolicy.defaults());
    }
}
