package io.mailsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * R14 and R13 (issue 15): three fetcher processes hold the mailboxes ({@link FailoverStage}); mail keeps arriving.
 * R14 kills one with SIGKILL and times how long each of its mailboxes takes to be IDLE again on another — bound: the
 * group's session timeout + 5 s. R13 pauses one with SIGSTOP until the group has moved its mailboxes, then resumes
 * it: at every sample each mailbox's sessions at the server are counted per client process, and whatever the
 * resumed stale owner still publishes must not be applied.
 */
@Order(97)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

    private static final Duration BOUND = FailoverStage.SESSION_TIMEOUT.plusSeconds(5);

    @Test
    @Order(1)
    @DisplayName("R14: failover time of a killed fetcher's mailboxes")
    void aKilledFetchersMailboxesReopenElsewhereWithinTheSessionTimeoutPlusFiveSeconds() {
        FailoverStage stage = FailoverStage.shared();
        stage.mailboxes(Sizes.failoverMailboxes());
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicBoolean traffic = new AtomicBoolean(true);
        Thread mail = Thread.ofVirtual().start(() -> {
            while (traffic.get()) {
                delivered.add(stage.deliverOne());
                sleepQuietly(Duration.ofMillis(250));
            }
        });
        List<Long> failoverMs = new ArrayList<>();
        List<Long> takenMs = new ArrayList<>();
        List<Long> connectedMs = new ArrayList<>();
        int kills = Sizes.failoverKills();
        try {
            for (int k = 0; k < kills; k++) {
                FetcherJvm victim = stage.busiest();
                List<String> moved = stage.heldBy(victim);
                long killedAt = System.currentTimeMillis();
                victim.kill();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> moved.stream().allMatch(id -> reopenedAfter(stage, id, victim, killedAt) != null));
                moved.forEach(id -> failoverMs.add(reopenedAfter(stage, id, victim, killedAt) - killedAt));
                for (String id : moved) {
                    Long taken = firstAfter(stage, id, victim, killedAt, "CONNECTING");
                    Long connected = firstAfter(stage, id, victim, killedAt, "CONNECTED");
                    takenMs.add(taken == null ? 0 : taken - killedAt);
                    connectedMs.add(connected == null ? 0 : connected - killedAt);
                }
                // the rescheduled pod takes a share back through a clean handover, finished before the next kill:
                // a kill while the group still moves partitions to a joining member costs two more heartbeat rounds
                // (the survivors revoke before they are given the dead member's partitions), which is not what R14 times
                FetcherJvm rescheduled = stage.startFetcher();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !stage.heldBy(rescheduled).isEmpty());
                stage.awaitSteady(Duration.ofMinutes(2));
            }
        } finally {
            traffic.set(false);
            joinQuietly(mail);
        }
        ApiClient api = stack(stage).apiAs(stage.customer);
        Set<String> listed = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            listed.clear();
            stage.users.keySet().forEach(id -> listed.addAll(Mail.listedIds(api, id)));
            return listed.containsAll(delivered);
        });
        int lost = (int) delivered.stream().filter(id -> !listed.contains(id)).count();
        List<Long> idle = failoverMs.stream().sorted().toList();
        List<Long> reopened = connectedMs.stream().sorted().toList();
        List<Long> taken = takenMs.stream().sorted().toList();
        long p99 = percentile(reopened, 99);
        boolean withinBound = p99 <= BOUND.toMillis();
        Outcomes.record(new Outcomes.Outcome("R14", kills + " x kill -9 of one of 3 fetchers, " + stage.users.size()
                + " mailboxes, mail arriving", kills, reopened.size(), lost, 0, 0,
                lost == 0 && withinBound ? "yes" : "NO",
                String.format("kill to session open (logged in) on another fetcher: p50 %.1f s, p99 %.1f s, max %.1f s"
                        + " over %d mailboxes (bound %d s = session timeout %d s + 5 s%s); to taken over (epoch taken,"
                        + " CONNECTING) p99 %.1f s; to IDLE (synced, watching) p50 %.1f s, p99 %.1f s; %d/%d delivered"
                        + " messages listed; machine load average %.1f", percentile(reopened, 50) / 1000.0,
                        p99 / 1000.0, reopened.getLast() / 1000.0, reopened.size(), BOUND.toSeconds(),
                        FailoverStage.SESSION_TIMEOUT.toSeconds(), withinBound ? "" : ": OVER", percentile(taken, 99)
                                / 1000.0, percentile(idle, 50) / 1000.0, percentile(idle, 99) / 1000.0,
                        delivered.size() - lost, delivered.size(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        assertThat(reopened.size()).as("mailboxes that failed over").isGreaterThanOrEqualTo(Sizes.failoverMailboxes()
                * kills / 3 * 9 / 10);
        assertThat(lost).as("messages delivered during the failovers and never listed").isZero();
        // speed is a figure of the summary (the charter: measured, not asserted); what is asserted is that every
        // mailbox came back on its own and none stayed away for anything like a read timeout
        assertThat(percentile(idle, 99)).as("p99 from kill to IDLE on another fetcher (ms)")
                .isLessThan(BOUND.multipliedBy(3).toMillis());
    }

    @Test
    @Order(2)
    @DisplayName("R13: fencing, one fetcher killed and one paused past its session timeout, then resumed")
    void aPausedFetcherNeverHoldsAMailboxAlongsideItsNewOwnerAndWhatItPublishesOnResumeIsIgnored() {
        FailoverStage stage = FailoverStage.shared();
        stage.mailboxes(Sizes.failoverMailboxes());
        FetcherJvm victim = stage.busiest();
        FetcherJvm killed = stage.fetchers.stream().filter(f -> f.alive() && f != victim).findFirst().orElseThrow();
        List<String> moved = stage.heldBy(victim);
        List<String> orphaned = stage.heldBy(killed);
        Map<String, String> logins = new java.util.HashMap<>();
        stage.users.forEach((id, user) -> logins.put(user.login(), id));
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger twoLive = new AtomicInteger();
        AtomicInteger frozenBesideNew = new AtomicInteger();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        AtomicBoolean frozen = new AtomicBoolean();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (sampling.get()) {
                boolean pausedNow = frozen.get();
                ServerSessions.sample(stage.dovecot).forEach((login, byPid) -> {
                    if (!logins.containsKey(login)) {
                        return;
                    }
                    long running = byPid.keySet().stream().filter(pid -> !(pausedNow && pid == victim.pid())).count();
                    if (running > 1) {
                        twoLive.incrementAndGet();
                        overlaps.add(login + " " + byPid);
                    } else if (pausedNow && byPid.containsKey(victim.pid()) && running == 1) {
                        frozenBesideNew.incrementAndGet();
                    }
                });
                samples.incrementAndGet();
                sleepQuietly(Duration.ofMillis(300));
            }
        });
        long pausedAt;
        long resumedAt;
        try {
            sleepQuietly(Duration.ofSeconds(2)); // samples of the steady state first
            pausedAt = System.currentTimeMillis();
            frozen.set(true);
            victim.pause();
            killed.kill(); // the same moment: one fetcher paused, one dead, one left to take over both
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> moved.stream().allMatch(id -> reopenedAfter(stage, id, victim, pausedAt) != null)
                            && orphaned.stream().allMatch(id -> reopenedAfter(stage, id, killed, pausedAt) != null));
            sleepQuietly(Duration.ofSeconds(3));
            resumedAt = System.currentTimeMillis();
            victim.resume();
            frozen.set(false);
            stage.startFetcher(); // the killed one's replacement
            sleepQuietly(Duration.ofSeconds(15)); // it finds its lease lapsed, is fenced by the group, rejoins
            stage.awaitSteady(Duration.ofMinutes(2));
        } finally {
            sampling.set(false);
            joinQuietly(sampler);
        }
        // what the resumed stale owner published, and whether any of it was applied
        ApiClient api = stack(stage).apiAs(stage.customer);
        int stalePublished = 0;
        int staleApplied = 0;
        List<String> shown = new ArrayList<>();
        for (String id : moved) {
            long newest = stage.events.newestEpoch(id);
            List<EventLog.Entry> stale = stage.events.of(id).stream()
                    .filter(e -> victim.instance.equals(e.instance()) && e.seenAtMs() >= resumedAt)
                    .filter(e -> e.epoch() != null && e.epoch() < newest).toList();
            stalePublished += stale.size();
            // the API applies events a moment after the log has them: a status the new owner reported arrives
            // within seconds, one the stale owner reported and was wrongly applied stays
            String status = stale.isEmpty() ? "IDLE" : awaitIdle(api, id, Duration.ofSeconds(15));
            if (!"IDLE".equals(status)) {
                staleApplied++; // the account shows a state only the stale owner reported
                shown.add(status + " after " + stale.stream().map(e -> e.type() + ":" + e.status()).distinct().toList());
            }
        }
        Outcomes.held("R13", "of 3 fetchers one killed and one SIGSTOPped at once; SIGCONT once their "
                        + (moved.size() + orphaned.size()) + " mailboxes had moved", 2, samples.get(), twoLive.get() + staleApplied, 0, 0,
                samples.get() + " samples of every mailbox's sessions at the server (doveadm who + ss): " + twoLive.get()
                        + " with two running holders; the frozen process's own socket stayed open beside the new"
                        + " owner's in " + frozenBesideNew.get() + " mailbox-samples (a stopped process cannot close"
                        + " it; it closes on SIGCONT before acting); stale owner published " + stalePublished
                        + " events after resuming, " + staleApplied + " applied");
        assertThat(samples.get()).isGreaterThan(10);
        assertThat(overlaps).as("samples where two running fetchers held one mailbox").isEmpty();
        assertThat(staleApplied).as("accounts showing what the stale owner reported: " + shown).isZero();
    }

    /** The account's status once it is IDLE, or the last one seen when it is not within {@code within}. */
    private static String awaitIdle(ApiClient api, String id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String status = api.status(id);
        while (!"IDLE".equals(status) && System.nanoTime() < deadline) {
            sleepQuietly(Duration.ofMillis(250));
            status = api.status(id);
        }
        return status;
    }

    /** When the account was next IDLE on a fetcher other than {@code from}, after {@code since} (null: not yet). */
    static Long reopenedAfter(FailoverStage stage, String accountId, FetcherJvm from, long since) {
        return firstAfter(stage, accountId, from, since, "IDLE");
    }

    static Long firstAfter(FailoverStage stage, String accountId, FetcherJvm from, long since, String status) {
        return stage.events.of(accountId).stream()
                .filter(e -> "AccountStatusChanged".equals(e.type()) && status.equals(e.status()))
                .filter(e -> !from.instance.equals(e.instance()) && e.occurredAtMs() >= since)
                .map(EventLog.Entry::occurredAtMs).findFirst().orElse(null);
    }

    private static Stack stack(FailoverStage stage) {
        return stage.stack;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d); // the pace of injected traffic and sampling, not a wait for the system under test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void joinQuietly(Thread t) {
        try {
            t.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
