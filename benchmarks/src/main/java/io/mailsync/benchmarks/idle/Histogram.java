package io.mailsync.benchmarks.idle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap per IDLE session by class: {@code jcmd PID GC.class_histogram} (live objects, after a full GC) with no
 * session open and again with N, the difference divided by N (issue 18: which classes make the ~25 KiB a session).
 */
final class Histogram {

    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final Map<String, long[]> byClass;

    private Histogram(Map<String, long[]> byClass) {
        this.byClass = byClass;
    }

    static Histogram parse(String jcmdOutput) {
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : jcmdOutput.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                byClass.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return new Histogram(byClass);
    }

    boolean isEmpty() {
        return byClass.isEmpty();
    }

    /** One class's growth per session. */
    public record PerSession(String className, double bytes, double instances) {
        @Override
        public String toString() {
            return Double.isNaN(instances) ? String.format("%s %.0f B", className, bytes)
                    : String.format("%s %.0f B (%.1f objects)", className, bytes, instances);
        }
    }

    /** The {@code top} classes by bytes grown from {@code before} to this, per session; and the total first. */
    List<PerSession> perSessionSince(Histogram before, int sessions, int top) {
        List<PerSession> grown = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, long[]> e : byClass.entrySet()) {
            long[] was = before.byClass.getOrDefault(e.getKey(), new long[2]);
            double bytes = (double) (e.getValue()[1] - was[1]) / sessions;
            total += bytes;
            grown.add(new PerSession(e.getKey(), bytes, (double) (e.getValue()[0] - was[0]) / sessions));
        }
        for (Map.Entry<String, long[]> e : before.byClass.entrySet()) {
            if (!byClass.containsKey(e.getKey())) {
                total -= (double) e.getValue()[1] / sessions;
            }
        }
        grown.sort((a, b) -> Double.compare(b.bytes(), a.bytes()));
        List<PerSession> result = new ArrayList<>();
        result.add(new PerSession("(all classes)", total, Double.NaN));
        result.addAll(grown.subList(0, Math.min(top, grown.size())));
        return result;
    }
}
