package io.mailsync.quota.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a "full in about N days" warning is worth sending: a linear fit over at most {@code window} of history
 * spanning at least {@code minHistory}, only at or above {@code floorPercent}, only when full within
 * {@code horizon}, and only once the forecast has held for {@code holdSamples} consecutive samples.
 */
public record ForecastPolicy(double floorPercent, Duration window, Duration minHistory, int holdSamples,
                             Duration horizon) {

    public ForecastPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(minHistory, "minHistory");
        Objects.requireNonNull(horizon, "horizon");
        if (floorPercent < 0 || floorPercent >= 100) {
            throw new IllegalArgumentException("the forecast floor is 0 to 100 percent");
        }
        if (minHistory.isNegative() || minHistory.compareTo(window) > 0) {
            throw new IllegalArgumentException("the forecast's minimum history fits in its window");
        }
        if (holdSamples < 1) {
            throw new IllegalArgumentException("a forecast holds for at least one sample");
        }
        if (!horizon.isPositive()) {
            throw new IllegalArgumentException("the forecast horizon is positive");
        }
    }

    public static ForecastPolicy defaults() {
        return new ForecastPolicy(70, Duration.ofDays(14), Duration.ofDays(7), 3, Duration.ofDays(14));
    }
}
