package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * P5: {@code GET /changes} at a fixed rate through the gateway and straight to sync-service. Open loop: each
 * request has a scheduled start and its latency counts from then, so a stall is not hidden by sending less.
 * Ten customers share the load (50 requests/s each), as many clients would — the gateway limits each to 100/s.
 */
final class GatewayOverhead {

    static final String TARGET = "p99 ratio <= 1.3";
    static final int RATE = 500;
    private static final int CUSTOMERS = 10;

    private GatewayOverhead() {
    }

    private record Target(String url, String token) {
    }

    static Figure run(Stack stack, Duration each) throws Exception {
        List<Target> direct = new ArrayList<>();
        List<Target> gateway = new ArrayList<>();
        String syncBase = "http://localhost:" + stack.system.port("sync-service");
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "p5-" + UUID.randomUUID();
            // a mailbox that never logs in: the fetcher leaves it alone, /changes answers from the store
            String accountId = stack.registerImap(customer, "p5-nobody-" + i,
                    "wrong");
            String token = Stack.customerToken(customer);
            String state = stack.customer(customer).state(accountId);
            String path = "/api/v1/accounts/" + accountId + "/changes?since=" + state;
            direct.add(new Target(syncBase + path, token));
            gateway.add(new Target(stack.system.gatewayUrl() + path, token));
        }
        Duration warmUp = Duration.ofSeconds(3);
        load(direct, warmUp);
        load(gateway, warmUp);
        Run d = load(direct, each);
        Run g = load(gateway, each);
        // what each side sustains here, closed loop: says whether the fixed rate is beyond the machine
        double directCapacity = capacity(direct, Duration.ofSeconds(4));
        double gatewayCapacity = capacity(gateway, Duration.ofSeconds(4));
        double ratio = g.stats.p99() / d.stats.p99();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rate_per_s", RATE);
        details.put("seconds_each", each.toSeconds());
        details.put("gateway_p50_ms", g.stats.p50());
        details.put("gateway_p99_ms", g.stats.p99());
        details.put("gateway_max_ms", g.stats.max());
        details.put("gateway_errors", g.errors);
        details.put("direct_p50_ms", d.stats.p50());
        details.put("direct_p99_ms", d.stats.p99());
        details.put("direct_max_ms", d.stats.max());
        details.put("direct_errors", d.errors);
        details.put("gateway_error_kinds", g.errorKinds);
        details.put("direct_error_kinds", d.errorKinds);
        details.put("load_average", Machine.load());
        details.put("direct_capacity_req_per_s", directCapacity);
        details.put("gateway_capacity_req_per_s", gatewayCapacity);
        String note = String.format("%d req/s for %d s each: gateway p50 %.1f / p99 %.1f ms (%d errors); direct p50 %.1f / "
                        + "p99 %.1f ms (%d errors); p50 ratio %.2f; errors %s / %s; closed-loop capacity (16 clients): direct "
                        + "%.0f req/s, gateway %.0f req/s", RATE, each.toSeconds(), g.stats.p50(), g.stats.p99(),
                g.errors, d.stats.p50(), d.stats.p99(), d.errors, g.stats.p50() / d.stats.p50(), g.errorKinds,
                d.errorKinds, directCapacity, gatewayCapacity);
        return new Figure("P5", "gateway overhead, GET /changes p99 at " + RATE + " req/s", "ms", g.stats.p99(),
                d.stats.p99(), "same requests straight to sync-service", ratio, TARGET,
                ratio <= 1.3 && g.errors == 0, note, details);
    }

    /** Requests/s that 16 clients, each waiting for its answer, get through in {@code duration}. */
    private static double capacity(List<Target> targets, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            Target t = targets.get(w % targets.size());
            workers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(t.url()))
                                .header("Authorization", "Bearer " + t.token()).timeout(Duration.ofSeconds(5)).GET()
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join(Duration.ofSeconds(10));
        }
        http.shutdownNow();
        return ok.get() / (duration.toNanos() / 1e9);
    }

    private record Run(Stats stats, int errors, String errorKinds) {
    }

    private static Run load(List<Target> targets, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> kinds = new java.util.concurrent.ConcurrentHashMap<>();
        long interval = 1_000_000_000L / RATE;
        long total = duration.toSeconds() * RATE;
        long start = System.nanoTime() + 10_000_000L;
        ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (long i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Target t = targets.get((int) (i % targets.size()));
                vt.submit(() -> {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(t.url()))
                                .header("Authorization", "Bearer " + t.token()).timeout(Duration.ofSeconds(5)).GET()
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            kinds.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    latencies.add(Stats.ms(System.nanoTime() - scheduled));
                });
            }
        } finally {
            vt.shutdown();
            if (!vt.awaitTermination(15, TimeUnit.SECONDS)) {
                vt.shutdownNow();
            }
        }
        List<Double> done;
        synchronized (latencies) { // requests cut off by shutdownNow may still be adding
            done = new ArrayList<>(latencies);
        }
        int unfinished = (int) (total - done.size());
        if (unfinished > 0) {
            errors.addAndGet(unfinished);
            kinds.merge("unfinished after the run", unfinished, Integer::sum);
        }
        http.shutdownNow();
        return new Run(Stats.of(done), errors.get(), kinds.toString());
    }
}
