package io.mailsync.benchmarks.idle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@link NioImapServer} process of P3 and what it reports on its output: pushes, wake-ups, and replies to
 * {@code stats}; with the session counts over all of them that {@link IdleCapacity} ramps against.
 */
final class ServerProcess {

    ChildJvm jvm;
    int port;
    final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    final BlockingQueue<String> pushedAll = new LinkedBlockingQueue<>();

    Consumer<String> handler(Map<String, Long> pushedAt, Map<String, Long> wokeAfter) {
        return line -> {
            String[] w = line.split(" ");
            switch (w[0]) {
                case "pushed" -> pushedAt.put(w[1], Long.parseLong(w[2]));
                case "woke" -> wokeAfter.put(w[1], Long.parseLong(w[2]));
                case "pushed-all" -> pushedAll.add(line);
                default -> replies.add(line);
            }
        };
    }

    /**
     * Waits until 98 % of {@code target} sessions are IDLE at the servers (a session leaves IDLE briefly for its
     * periodic flag comparison), or until the IDLE count has not grown for 60 s, or the budget is spent.
     */
    static int[] awaitSelected(List<ServerProcess> servers, int target, ChildJvm fetcher, long deadline)
            throws InterruptedException {
        int best = -1;
        long lastProgress = System.nanoTime();
        int[] counts = {0, 0};
        while (System.nanoTime() < deadline && fetcher.process.isAlive()) {
            counts = stats(servers);
            if (counts[1] >= target * 0.98) {
                return counts;
            }
            if (counts[1] > best) {
                best = counts[1];
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
                return counts;
            }
            Thread.sleep(1000);
        }
        return counts;
    }

    /** {selected, idling} over all servers. */
    private static int[] stats(List<ServerProcess> servers) throws InterruptedException {
        int selected = 0;
        int idling = 0;
        for (ServerProcess s : servers) {
            s.replies.clear();
            s.jvm.send("stats");
            String reply = s.replies.poll(10, TimeUnit.SECONDS);
            if (reply != null) {
                String[] w = reply.split(" ");
                selected += Integer.parseInt(w[2]);
                idling += Integer.parseInt(w[3]);
            }
        }
        return new int[] {selected, idling};
    }
}
