package io.mailsync.benchmarks.idle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of P3, once the sessions are up: the fetcher process's footprint (heap after a full GC, RSS, threads,
 * descriptors), then mail pushed to a random 1 % of the mailboxes and how long until each woke (server side) and
 * until its {@code MessageArrived} was on Kafka (end to end).
 */
final class StepProbe {

    private StepProbe() {
    }

    static IdleCapacity.Step measure(int target, int[] counts, double ramp, List<ServerProcess> servers,
                                     ChildJvm fetcher, ArrivedEvents events, Map<String, Long> pushedAt,
                                     Map<String, Long> wokeAfter) throws InterruptedException {
        fetcher.jcmd("GC.run");
        String heap = fetcher.jcmd("GC.heap_info");
        long used = -1;
        long committed = -1;
        Matcher m = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(heap);
        if (m.find()) {
            committed = Long.parseLong(m.group(1)) / 1024;
            used = Long.parseLong(m.group(2)) / 1024;
        }
        long rss = fetcher.procStatus("VmRSS") / 1024;
        long threads = fetcher.procStatus("Threads");
        long fds = fetcher.openFiles();

        pushedAt.clear();
        wokeAfter.clear();
        events.arrived.clear();
        int wanted = Math.max(1, counts[1] / 100);
        for (ServerProcess s : servers) {
            s.pushedAll.clear();
            s.jvm.send("push-random " + (wanted + servers.size() - 1) / servers.size());
        }
        int pushed = 0;
        for (ServerProcess s : servers) {
            String all = s.pushedAll.poll(30, TimeUnit.SECONDS);
            pushed += all == null ? 0 : Integer.parseInt(all.split(" ")[1]);
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until && (wokeAfter.size() < pushed || countPublished(pushedAt, events) < pushed)) {
            Thread.sleep(50);
        }
        List<Double> wake = wokeAfter.values().stream().map(us -> us / 1000.0).toList();
        List<Double> publish = new ArrayList<>();
        pushedAt.forEach((user, at) -> {
            Long seen = events.arrived.get("p3-" + user.substring(1));
            if (seen != null) {
                publish.add((seen - at) / 1000.0);
            }
        });
        var w = Percentiles.of(wake);
        var p = Percentiles.of(publish);
        // a pushed mailbox that never woke counts as the 20 s the benchmark waited: p99 must not hide it
        int missing = pushed - publish.size();
        String note = missing > 0 ? missing + " pushed mailboxes never published within 20 s" : "";
        return new IdleCapacity.Step(target, counts[0], counts[1], used, committed, rss, threads, fds, pushed, wake.size(),
                publish.size(), w[0], w[1], p[0], missing > 0 && publish.size() < pushed * 0.99 ? 20_000 : p[1], ramp, note);
    }

    private static int countPublished(Map<String, Long> pushedAt, ArrivedEvents events) {
        int n = 0;
        for (String user : pushedAt.keySet()) {
            if (events.arrived.containsKey("p3-" + user.substring(1))) {
                n++;
            }
        }
        return n;
    }
}
