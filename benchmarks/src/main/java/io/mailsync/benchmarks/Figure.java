package io.mailsync.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the result table: what mailsync achieved, what the baseline achieved in the same run, their ratio
 * and whether the target is met ({@code null}: the issue sets no target, the figure is reported only).
 * {@code details} keeps the supporting numbers (p50, max, counts, where the time went).
 */
record Figure(String id, String name, String unit, double value, double baseline, String baselineWhat,
              double ratio, String target, Boolean met, String note, Map<String, Object> details) {

    static Figure failed(String id, String name, String target, String why) {
        return new Figure(id, name, "", Double.NaN, Double.NaN, "", Double.NaN, target, false, why,
                new LinkedHashMap<>());
    }
}
