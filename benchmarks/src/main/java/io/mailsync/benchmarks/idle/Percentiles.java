package io.mailsync.benchmarks.idle;

import java.util.List;

/** p50 and p99 (nearest rank) of millisecond samples; NaN when there are none. */
final class Percentiles {

    private Percentiles() {
    }

    static double[] of(List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {s[Math.max(0, (int) Math.ceil(0.5 * s.length) - 1)],
                s[Math.max(0, (int) Math.ceil(0.99 * s.length) - 1)]};
    }
}
