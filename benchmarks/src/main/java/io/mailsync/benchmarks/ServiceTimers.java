package io.mailsync.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The services' own timers (HTTP server requests, MongoDB driver commands, the gateway's request timer, ...) over a
 * figure: a snapshot before, one after, and the timers that took the most time in between, with their count and
 * mean — so a figure says which service and which call its time went to, without a profiler's overhead.
 */
final class ServiceTimers {

    private static final List<String> SERVICES = List.of("api-gateway", "sync-service", "fetcher-service");

    private final Map<String, double[]> before;

    private ServiceTimers(Map<String, double[]> before) {
        this.before = before;
    }

    static ServiceTimers start(Stack stack) {
        return new ServiceTimers(read(stack));
    }

    /** The {@code top} timers by time spent since {@link #start}: {@code service name{tags}: n, mean ms}. */
    List<String> top(Stack stack, int top) {
        Map<String, double[]> after = read(stack);
        List<Map.Entry<String, double[]>> grown = new ArrayList<>();
        after.forEach((key, now) -> {
            double[] was = before.getOrDefault(key, new double[2]);
            double count = now[0] - was[0];
            if (count > 0) {
                grown.add(Map.entry(key, new double[] {count, now[1] - was[1]}));
            }
        });
        grown.sort((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]));
        return grown.stream().limit(top).map(e -> String.format("%s: n=%.0f, mean %.2f ms", e.getKey(),
                e.getValue()[0], e.getValue()[1] / e.getValue()[0])).toList();
    }

    private static Map<String, double[]> read(Stack stack) {
        Map<String, double[]> timers = new HashMap<>();
        for (String service : SERVICES) {
            MeterRegistry registry = stack.system.context(service).getBean(MeterRegistry.class);
            for (Timer t : registry.getMeters().stream().filter(m -> m instanceof Timer).map(m -> (Timer) m)
                    .toList()) {
                String tags = t.getId().getTags().stream()
                        .filter(tag -> !List.of("exception", "outcome", "error", "server.address", "cluster.id",
                                "connection.id", "kafka.version", "client.id").contains(tag.getKey()))
                        .map(Tag::getValue).collect(Collectors.joining(","));
                timers.merge(service + " " + t.getId().getName() + "{" + tags + "}",
                        new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS)},
                        (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return timers;
    }
}
