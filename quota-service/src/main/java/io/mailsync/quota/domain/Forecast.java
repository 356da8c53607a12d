package io.mailsync.quota.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** When a resource will be full at its current rate: a least-squares line through the recent history. */
public record Forecast(Instant fullAt, double daysToFull) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    public Forecast {
        Objects.requireNonNull(fullAt, "fullAt");
    }

    /**
     * Fits the points within {@code policy.window()} before the newest one and counts the days from it at that
     * rate. Empty when the history spans less than {@code policy.minHistory()}, or usage is flat or falling.
     */
    public static Optional<Forecast> of(List<UsagePoint> history, Usage current, ForecastPolicy policy) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        List<UsagePoint> sorted = history.stream().sorted(Comparator.comparing(UsagePoint::at)).toList();
        Instant newest = sorted.getLast().at();
        List<UsagePoint> window = sorted.stream().filter(p -> !p.at().isBefore(newest.minus(policy.window()))).toList();
        if (window.size() < 3 || Duration.between(window.getFirst().at(), newest).compareTo(policy.minHistory()) < 0) {
            return Optional.empty();
        }
        double slopePerDay = slopePerDay(window);
        if (slopePerDay <= 0) {
            return Optional.empty();
        }
        double days = Math.max(0, (current.limit() - current.used()) / slopePerDay);
        return Optional.of(new Forecast(newest.plusSeconds((long) (days * SECONDS_PER_DAY)), days));
    }

    private static double slopePerDay(List<UsagePoint> points) {
        Instant origin = points.getFirst().at();
        double n = points.size();
        double sumX = 0;
        double sumY = 0;
        for (UsagePoint p : points) {
            sumX += days(origin, p.at());
            sumY += p.used();
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double covariance = 0;
        double variance = 0;
        for (UsagePoint p : points) {
            double dx = days(origin, p.at()) - meanX;
            covariance += dx * (p.used() - meanY);
            variance += dx * dx;
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    private static double days(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis() / 1000.0 / SECONDS_PER_DAY;
    }
}
