package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.ApiClient;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R17 (issue 16): a noisy neighbour. One customer sends 500 hostile or slow requests — malformed encodings, a
 * 1 MB header line, 100k-element address lists, comments nested 100k deep, bursts beyond its rate limit — eight at a
 * time, while another customer reads its mailbox at a steady pace (40/s) for as long as the noise lasts. The quiet
 * customer never sees a 503 (nor any error), and its p99 beside the noise stays within 1.5× of its p99 alone.
 *
 * <p>What keeps it there is the noisy customer's share: its rate limits (the suite's stack sizes them to this
 * machine, see {@link Stack}) and the gateway's pacing of a customer at its limit — which stretches the 500 requests
 * over ~20 s, so the quiet customer is measured over all of them, and alone for as many requests. The comparison is
 * made warm and from the same state on both sides: rounds of (beside the noise, alone) pooled, after warm-up rounds
 * until the JIT has (nearly) done with the hostile requests' paths, each side after a full collection and once the
 * JVM is idle again. The noisy client's bodies are encoded once: the generator shares the machine with the system,
 * and its own cost is not what the bound is about.
 *
 * <p>It runs before {@link FailoverIT} ({@link Order}): the failover stage's three fetcher processes, broker and
 * 150 Dovecot mailboxes stay up until the test JVM ends, and their bursts (IDLE renewals, Dovecot's polls past its
 * inotify limit) share the two cores with whichever side of the comparison they fall in. After them, one CI run
 * measured 1.57× and 1.55× in two of three rounds, this JVM alone at 9.6 ms of CPU per quiet request (6–8 ms in
 * a run of this test by itself).
 */
@Order(89)
class NoisyNeighbourIT {

    /** The quiet customer's requests in a warm-up round alone (beside the noise, it reads until the noise ends). */
    private static final int QUIET_REQUESTS = 150;
    /**
     * Rounds of (beside the noise, alone), pooled: ~830 requests a side each (the noise lasts ~21 s), so the p99 is
     * the 25th slowest of ~2,500 — not, as when the quiet customer stopped after 150 requests (a quarter of the
     * noise), the 5th of 450. One round's ratio alone ranged 0.96–1.52× on the same code.
     */
    private static final int ROUNDS = 3;
    /**
     * Warm-up rounds go on until the JIT compiler spends less than this in one (at most {@link #MAX_WARM_UP_ROUNDS}):
     * before, C2 takes a third of the JVM's CPU beside the noise (the hostile requests' paths are new to it, and they
     * turn call sites the quiet path had to itself polymorphic), and the comparison would be of compilation, not of
     * the noisy customer's share. Three rounds suffice when the suite's earlier tests have warmed the JVM; alone, the
     * third still compiled for 10 s.
     */
    private static final long WARM_JIT_MILLIS = 3_000;
    private static final int MIN_WARM_UP_ROUNDS = 3;
    private static final int MAX_WARM_UP_ROUNDS = 5;
    private static final String CASE = "noisy neighbour: the quiet customer's errors, 503s and p99 (≤ 1.5× alone)";
    private static final long QUIET_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(25); // 40/s, under its own limit

    @Test
    @DisplayName("R17: one customer's 500 hostile requests neither fail another's nor slow them beyond 1.5x")
    void aNoisyNeighbourNeitherFailsNorSlowsAQuietCustomer() throws Exception {
        Stack stack = Stack.shared();
        String quietCustomer = "r13q-" + UUID.randomUUID();
        String noisyCustomer = "r13n-" + UUID.randomUUID();
        String quietAccount = register(stack, quietCustomer);
        String noisyAccount = register(stack, noisyCustomer);
        ApiClient quiet = stack.customer(quietCustomer);
        ApiClient noisy = stack.customer(noisyCustomer);
        String device = noisy.registerDevice(noisyAccount, "noisy-phone");
        List<Long> warmUpJit = new ArrayList<>();
        while (warmUpJit.size() < MIN_WARM_UP_ROUNDS
                || warmUpJit.getLast() >= WARM_JIT_MILLIS && warmUpJit.size() < MAX_WARM_UP_ROUNDS) {
            long jit = jitMillis(); // connections, the JIT on both customers' paths
            run(quiet, quietAccount, new ArrayList<>(), QUIET_REQUESTS);
            besideNoise(noisy, noisyAccount, device, quiet, quietAccount, new ArrayList<>(), new TreeMap<>());
            warmUpJit.add(jitMillis() - jit);
        }

        List<Integer> quietStatuses = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> noisyStatuses = new TreeMap<>();
        List<String> perRound = new ArrayList<>();
        List<String> cpuNote = new ArrayList<>();
        long[] alone = new long[0];
        long[] beside = new long[0];
        double openings = stack.breakerOpenings();
        for (int round = 0; round < ROUNDS; round++) {
            settle();
            long cpu0 = cpuNanos();
            long jit0 = jitMillis();
            long[] b = besideNoise(noisy, noisyAccount, device, quiet, quietAccount, quietStatuses, noisyStatuses);
            long cpu1 = cpuNanos();
            long jit1 = jitMillis();
            settle();
            long cpu2 = cpuNanos();
            long jit2 = jitMillis();
            long[] a = run(quiet, quietAccount, quietStatuses, b.length);
            cpuNote.add((cpuNanos() - cpu2) / 1_000_000 + " → " + (cpu1 - cpu0) / 1_000_000 + " ms (JIT "
                    + (jitMillis() - jit2) + " → " + (jit1 - jit0) + " ms) over " + b.length + " requests");
            perRound.add(p(a, 0.99) / 1000 + " → " + p(b, 0.99) / 1000 + " µs");
            alone = concat(alone, a);
            beside = concat(beside, b);
        }
        boolean within = p(beside, 0.99) <= p(alone, 0.99) * 3 / 2;
        int quietErrors = (int) quietStatuses.stream().filter(s -> s != 200).count();
        double breakerOpenings = stack.breakerOpenings() - openings;
        String note = "quiet p99 alone → beside 500 hostile requests, " + alone.length + " requests each: "
                + p(alone, 0.99) / 1000 + " → " + p(beside, 0.99) / 1000 + " µs (p50 " + p(alone, 0.5) / 1000
                + " → " + p(beside, 0.5) / 1000 + " µs; per round (alone → beside) " + perRound
                + "; their answers: " + noisyStatuses + "); CPU of this JVM alone → beside: " + cpuNote
                + "; quiet errors " + quietErrors + "; breaker openings " + breakerOpenings
                + "; JIT ms per warm-up round " + warmUpJit;
        if (within && breakerOpenings == 0) {
            Outcomes.held("R17", CASE, 500 * ROUNDS, quietStatuses.size(), 0, 0, quietErrors, note);
        } else {
            Outcomes.failed("R17", CASE, 500 * ROUNDS, quietStatuses.size(), 0, 0, quietErrors,
                    note + (within ? "" : "; p99 NOT within 1.5×"));
        }

        assertThat(quietStatuses).as(note).containsOnly(200);
        assertThat(noisyStatuses.keySet()).as("the noisy customer's answers: " + note)
                .noneMatch(s -> s >= 500 || s < 0);
        assertThat(breakerOpenings).as(note).isZero();
        assertThat(within).as("p99 beside the noise within 1.5× of alone: " + note).isTrue();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The quiet customer's run while the noisy one sends 500 hostile requests, eight at a time, to the last. */
    private static long[] besideNoise(ApiClient noisy, String noisyAccount, String device, ApiClient quiet,
            String quietAccount, List<Integer> quietStatuses, Map<Integer, Integer> byStatus)
            throws InterruptedException {
        Map<Integer, AtomicInteger> noisyStatuses = new ConcurrentHashMap<>();
        List<String> hostile = hostileRequests(noisyAccount);
        Map<String, byte[]> bodies = new HashMap<>();
        for (String request : hostile) {
            if (request.startsWith("POST ")) {
                bodies.put(request, request.substring(request.indexOf(' ', 5) + 1).getBytes(StandardCharsets.UTF_8));
            }
        }

        ExecutorService noise = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore eightAtATime = new Semaphore(8);
        CountDownLatch answered = new CountDownLatch(500);
        Thread feeder = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 500; i++) {
                String request = hostile.get(i % hostile.size());
                eightAtATime.acquireUninterruptibly();
                noise.execute(() -> {
                    try {
                        ApiClient.Response r = request.startsWith("POST ")
                                ? noisy.sendBytes(device, "POST", request.substring(5, request.indexOf(' ', 5)),
                                        "message/rfc822", bodies.get(request))
                                : noisy.get(request.substring(4));
                        noisyStatuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                    } catch (RuntimeException e) {
                        noisyStatuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        eightAtATime.release();
                        answered.countDown();
                    }
                });
            }
        });
        long[] latencies = run(quiet, quietAccount, quietStatuses, () -> answered.getCount() == 0);
        feeder.join();
        noise.close();
        noisyStatuses.forEach((s, n) -> byStatus.merge(s, n.get(), Integer::sum));
        return latencies;
    }

    private static String register(Stack stack, String customer) {
        return stack.admin().register(Stack.account(customer, "IMAP", 993, "u", "p-" + UUID.randomUUID())
                .put("host", "imap.r13.invalid"));
    }

    /** The quiet customer's listing at a steady pace (a paced load generator, not a wait); latencies in nanoseconds. */
    private static long[] run(ApiClient api, String accountId, List<Integer> statuses, int requests) {
        int[] left = {requests};
        return run(api, accountId, statuses, () -> left[0]-- == 0);
    }

    /** The same until {@code done}, asked before each request. */
    private static long[] run(ApiClient api, String accountId, List<Integer> statuses, BooleanSupplier done) {
        List<Long> latencies = new ArrayList<>();
        long next = System.nanoTime();
        while (!done.getAsBoolean()) {
            while (next - System.nanoTime() > 0) { // a park may return early
                LockSupport.parkNanos(next - System.nanoTime());
            }
            next += QUIET_EVERY_NANOS;
            long start = System.nanoTime();
            statuses.add(api.api().answerOnce(() -> api.api().messages.listMessages(accountId, null, null, 10, null,
                    null)).status());
            latencies.add(System.nanoTime() - start);
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** A full collection, then until the JVM is back to idle (at most 5 s). */
    private static void settle() throws InterruptedException {
        System.gc();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            long cpu = cpuNanos();
            long t = System.nanoTime();
            Thread.sleep(250);
            double cores = (double) (cpuNanos() - cpu) / (System.nanoTime() - t);
            if (cores < 0.3) {
                return;
            }
        }
    }

    /** CPU time of the whole JVM — the system and both customers' clients (all in one process here). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long p(long[] latencies, double quantile) {
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * quantile) - 1];
    }

    private static List<String> hostileRequests(String account) {
        String a = "/api/v1/accounts/" + account;
        StringBuilder deep = new StringBuilder();
        String comments = "(".repeat(100_000) + ")".repeat(100_000);
        for (int i = 0; i < comments.length(); i += 70) {
            deep.append(comments, i, Math.min(comments.length(), i + 70)).append("\r\n ");
        }
        return List.of(
                "GET " + a + "/changes?since=%ff%fe",
                "GET " + a + "/messages?folder=%c0%af",
                "GET " + a + "/messages/%ED%A0%80",
                "POST " + a + "/sent Subject: " + "x".repeat(1_000_000) + "\r\n\r\nbody",
                "POST " + a + "/drafts To: " + "a@b.c,\r\n ".repeat(100_000) + "a@b.c\r\n\r\nbody",
                "POST " + a + "/sent From: a@b.c " + deep + "\r\nSubject: deep\r\n\r\nbody",
                "GET " + a + "/changes?since=garbage",
                "GET " + a + "/messages?limit=100000");
    }
}
