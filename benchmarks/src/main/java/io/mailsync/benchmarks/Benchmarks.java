package io.mailsync.benchmarks;

import io.mailsync.benchmarks.idle.IdleCapacity;
import io.mailsync.testkit.ShutdownOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./mailsync bench}: P1-P8 against the real system, each beside a baseline from this run, printed as a table
 * and written to {@code benchmarks/target/benchmark-results.{json,md}}. {@code --quick} (or
 * {@code -Dbench.quick=true}) is a ~3-minute smoke run with smaller counts; {@code --only=P1,P3} picks figures.
 * The latency figures run first, on a quiet system; P2's and P4's bulk and P3's ramp come after them.
 */
public final class Benchmarks {

    private static final long STARTED = System.nanoTime();

    private Benchmarks() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // a system that failed to start leaves non-daemon threads behind: end the JVM, or exec:java never returns
            say("the benchmark run failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        List<String> argv = Arrays.asList(args);
        boolean quick = (argv.contains("--quick") || argv.contains("quick")) || Boolean.getBoolean("bench.quick");
        String only = argv.stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst()
                .orElse(System.getProperty("bench.only", "P1,P2,P3,P4,P5,P6,P7,P8,P9,P10"));
        Path out = Path.of(System.getProperty("bench.out", Files.isDirectory(Path.of("benchmarks"))
                ? "benchmarks/target" : "target")).toAbsolutePath();
        Files.createDirectories(out);
        Scale scale = quick ? Scale.QUICK : Scale.FULL;
        String machine = Machine.describe();
        say("mailsync benchmarks (" + (quick ? "quick" : "full") + " run) on " + machine);

        java.util.Set<String> wanted = java.util.Set.of(only.split(","));
        List<Figure> figures = new ArrayList<>();
        boolean idle = wanted.contains("P3");
        IdleCapacity.Rig[] rig = new IdleCapacity.Rig[1];
        // P3's processes start beside the system (start-up is not what is measured)
        try (Stack stack = Stack.start(infrastructure -> {
            if (idle) {
                try {
                    rig[0] = IdleCapacity.prepare(infrastructure.kafka(), infrastructure.mongo(),
                            infrastructure.credentialKey(), scale.idleSteps[scale.idleSteps.length - 1]);
                } catch (Exception e) {
                    say("P3: could not start its processes: " + e);
                }
            }
        })) {
            say("system up after " + seconds() + " s");
            if (wanted.contains("P1")) {
                figures.addAll(measure(stack, "P1", PushLatency.TARGET,
                        () -> PushLatency.run(stack, scale.deliveries, scale.p1Budget)));
            }
            if (wanted.contains("P6")) {
                figures.addAll(measure(stack, "P6", FlagPush.TARGET,
                        () -> List.of(FlagPush.run(stack, scale.flagChanges, scale.p6Budget))));
            }
            if (wanted.contains("P10")) { // as many deliveries as P6 has flag changes, in the same time budget
                figures.addAll(measure(stack, "P10", WebhookLatency.TARGET,
                        () -> List.of(WebhookLatency.run(stack, scale.flagChanges, scale.p6Budget))));
            }
            if (wanted.contains("P7")) {
                // -Dbench.p7.lanes: the same number of edits in fewer lanes, the path's latency without queueing
                int lanes = Math.max(1, Integer.getInteger("bench.p7.lanes", scale.p7Lanes));
                figures.addAll(measure(stack, "P7", WriteBack.TARGET, () -> List.of(WriteBack.run(stack, lanes,
                        scale.p7Lanes * scale.p7EditsPerLane / lanes, scale.p7Budget))));
            }
            if (wanted.contains("P8")) {
                figures.addAll(measure(stack, "P8", FirstSync.TARGET, () -> FirstSync.run(stack, scale.registrations,
                        scale.registrationsWithNewMail, Duration.ofSeconds(1))));
            }
            if (wanted.contains("P9")) {
                figures.addAll(measure(stack, "P9", BodyOnDemand.TARGET,
                        () -> List.of(BodyOnDemand.run(stack, Integer.getInteger("bench.p9.reads", quick ? 30 : 200)))));
            }
            if (wanted.contains("P2")) {
                figures.addAll(measure(stack, "P2", InitialImport.TARGET,
                        () -> InitialImport.run(stack, scale.importMessages, scale.p2Budget)));
            }
            if (wanted.contains("P5")) {
                figures.addAll(measure(stack, "P5", GatewayOverhead.TARGET,
                        () -> GatewayOverhead.run(stack, scale.p5Capacity, scale.p5Each)));
            }
            if (wanted.contains("P3")) {
                // P4 runs last: its backlog keeps sync-service and the shared MongoDB server busy for minutes after
                figures.addAll(measure(stack, "P3", IdleCapacity.TARGET, () -> List.of(IdleCapacityFigure.of(
                        IdleCapacity.measure(rig[0], scale.idleSteps, scale.p3Budget)))));
            }
            if (wanted.contains("P4")) {
                figures.addAll(measure(stack, "P4", ApplyRate.TARGET,
                        () -> List.of(ApplyRate.run(stack, scale.events, scale.p4Budget))));
            }
        }
        if (rig[0] != null) {
            rig[0].close();
        }
        figures.sort((a, b) -> a.id().compareTo(b.id()));
        String table = Report.table(figures);
        System.out.println();
        System.out.println(table);
        Report.write(out, figures, quick, Duration.ofNanos(System.nanoTime() - STARTED), machine);
        say("written " + out.resolve("benchmark-results.md") + " and .json after " + seconds() + " s");
        ShutdownOrder.class.getName(); // infrastructure stops in testkit's shutdown hook
        System.exit(0);
    }

    private static List<Figure> measure(Stack stack, String id, String target, Callable<List<Figure>> run) {
        say(id + ": starting (load average " + String.format("%.1f", Machine.load()) + ")");
        long started = System.nanoTime();
        ServiceTimers timers = ServiceTimers.start(stack);
        try {
            List<Figure> f = run.call();
            say(String.format("%s: done in %.0f s (load average %.1f): %s", id,
                    Stats.ms(System.nanoTime() - started) / 1000, Machine.load(), f.getFirst().note()));
            List<String> spent = timers.top(stack, 30);
            say(id + ": the services' timers that took the most time: " + String.join("; ", spent));
            f.getFirst().details().put("service_timers", spent);
            return f;
        } catch (Exception | AssertionError e) {
            say(id + ": failed: " + e);
            return List.of(Figure.failed(id, id, target, "did not complete: " + e.getMessage()));
        }
    }

    public static void say(String line) {
        System.out.printf("[bench %6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
        System.out.flush();
    }

    private static long seconds() {
        return (System.nanoTime() - STARTED) / 1_000_000_000L;
    }

    /** How much each figure does: the full run takes under 15 minutes here (819 s), the quick one ~3. */
    private enum Scale {
        FULL(200, Duration.ofSeconds(280), 10_000, Duration.ofSeconds(120), 20_000, Duration.ofSeconds(60),
                Duration.ofSeconds(8), Duration.ofSeconds(15), new int[] {1_000, 5_000, 10_000, 20_000},
                Duration.ofMinutes(5), 100, Duration.ofSeconds(150), 8, 25, Duration.ofSeconds(150), 50, 10),
        QUICK(30, Duration.ofSeconds(45), 2_000, Duration.ofSeconds(40), 10_000, Duration.ofSeconds(30),
                Duration.ofSeconds(3), Duration.ofSeconds(5), new int[] {500}, Duration.ofSeconds(150), 15,
                Duration.ofSeconds(30), 2, 10, Duration.ofSeconds(60), 10, 2);

        final int deliveries;
        final Duration p1Budget;
        final int importMessages;
        final Duration p2Budget;
        final int events;
        final Duration p4Budget;
        final Duration p5Capacity;
        final Duration p5Each;
        final int[] idleSteps;
        final Duration p3Budget;
        final int flagChanges;
        final Duration p6Budget;
        final int p7Lanes;
        final int p7EditsPerLane;
        final Duration p7Budget;
        final int registrations;
        final int registrationsWithNewMail;

        Scale(int deliveries, Duration p1Budget, int importMessages, Duration p2Budget, int events, Duration p4Budget,
              Duration p5Capacity, Duration p5Each, int[] idleSteps, Duration p3Budget, int flagChanges,
              Duration p6Budget, int p7Lanes, int p7EditsPerLane, Duration p7Budget, int registrations,
              int registrationsWithNewMail) {
            this.deliveries = deliveries;
            this.p1Budget = p1Budget;
            this.importMessages = importMessages;
            this.p2Budget = p2Budget;
            this.events = events;
            this.p4Budget = p4Budget;
            this.p5Capacity = p5Capacity;
            this.p5Each = p5Each;
            this.idleSteps = idleSteps;
            this.p3Budget = p3Budget;
            this.flagChanges = flagChanges;
            this.p6Budget = p6Budget;
            this.p7Lanes = p7Lanes;
            this.p7EditsPerLane = p7EditsPerLane;
            this.p7Budget = p7Budget;
            this.registrations = registrations;
            this.registrationsWithNewMail = registrationsWithNewMail;
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
