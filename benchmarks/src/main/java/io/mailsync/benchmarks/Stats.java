package io.mailsync.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Percentiles of millisecond samples (nearest rank). */
record Stats(int count, double p50, double p99, double max, double mean) {

    static Stats of(List<Double> millis) {
        double[] s = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(s.length, rank(s, 0.50), rank(s, 0.99), s[s.length - 1], Arrays.stream(s).average().orElse(0));
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Puts p50, p99 and max into a figure's details as {@code <prefix>p50_ms} and so on. */
    void putInto(Map<String, Object> details, String prefix) {
        details.put(prefix + "p50_ms", p50);
        details.put(prefix + "p99_ms", p99);
        details.put(prefix + "max_ms", max);
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
