package io.mailsync.benchmarks;

import io.mailsync.testkit.ApiClient;
import io.mailsync.testkit.GreenMailKit.MailUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.mailsync.testkit.PublicApi;
import io.mailsync.client.model.KeywordPatch;
import io.mailsync.client.model.PatchResult;

/**
 * P7: a device reads a message — {@code PATCH {"keywords":{"$seen":true}}} through the gateway — until a second,
 * bare IMAP session sees {@code \Seen} on the server, beside a bare client's own {@code UID STORE +FLAGS.SILENT
 * (\Seen)} seen by the same kind of session. Each lane is one customer's mailbox (a device editing one message after
 * another, each edit waited for) plus a mailbox of its own for the bare client; lanes run side by side so that
 * {@code lanes x editsPerLane} edits fit the run even where each takes seconds. Edits alternate with bare STOREs in
 * every lane, so both meet the same machine.
 */
final class WriteBack {

    static final String TARGET = "p99 <= 40 ms";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PAUSE = Duration.ofMillis(Long.getLong("bench.p7.pause-ms", 100));
    private static final KeywordPatch PATCH = new KeywordPatch().keywords(Map.of("$seen", true));

    private WriteBack() {
    }

    private record Lane(String accountId, String deviceId, ApiClient api, MailUser mailsync, MailUser bare,
                        List<String> mailsyncIds, List<String> bareIds, Map<String, String> apiIds) {
    }

    private static final class Samples {
        final List<Double> system = Collections.synchronizedList(new ArrayList<>());
        final List<Double> baseline = Collections.synchronizedList(new ArrayList<>());
        final List<Double> patch = Collections.synchronizedList(new ArrayList<>());
        final List<Double> command = Collections.synchronizedList(new ArrayList<>());
        final List<Double> echo = Collections.synchronizedList(new ArrayList<>());
        final List<Double> first = Collections.synchronizedList(new ArrayList<>());
        /** (account, uid, sent): looked up on Kafka once the lanes are done, when every echo has had time to come. */
        final List<Object[]> edits = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger timeouts = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
    }

    static Figure run(Stack stack, int lanes, int editsPerLane, Duration budget) throws Exception {
        List<Lane> prepared = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            MailUser mailsync = stack.dovecot.newUser("p7", null);
            MailUser bare = stack.dovecot.newUser("p7b", null);
            List<String> ids = DovecotFiles.fill(stack.dovecot, mailsync, editsPerLane + 1, "p7");
            List<String> bareIds = DovecotFiles.fill(stack.dovecot, bare, editsPerLane + 1, "p7b");
            String customer = "p7-" + UUID.randomUUID();
            String accountId = stack.registerImap(customer, mailsync.login(), mailsync.password());
            ApiClient api = stack.customer(customer);
            prepared.add(new Lane(accountId, api.registerDevice(accountId, "p7-phone"), api, mailsync, bare, ids,
                    bareIds, null));
        }
        List<Lane> ready = new ArrayList<>();
        for (Lane l : prepared) {
            ready.add(new Lane(l.accountId(), l.deviceId(), l.api(), l.mailsync(), l.bare(), l.mailsyncIds(),
                    l.bareIds(), Listing.awaitAll(l.api(), l.accountId(), editsPerLane + 1, Duration.ofSeconds(90))));
        }
        Announced tap = new Announced(stack.kafka, stack.topics);
        Samples samples = new Samples();
        long deadline = System.nanoTime() + budget.toNanos();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failure = new AtomicLong();
        for (int l = 0; l < ready.size(); l++) {
            Lane lane = ready.get(l);
            Duration offset = PAUSE.multipliedBy(2).multipliedBy(l).dividedBy(Math.max(1, ready.size()));
            threads.add(Thread.ofPlatform().name("p7-lane-" + l).start(() -> {
                try {
                    Thread.sleep(offset); // lanes out of step, so their edits do not all start together
                    runLane(stack, lane, samples, deadline);
                } catch (Exception e) {
                    failure.incrementAndGet();
                    Benchmarks.say("P7 lane " + lane.accountId() + " failed: " + e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Thread.sleep(1000);
        tap.close();
        synchronized (samples.edits) {
            for (Object[] edit : samples.edits) {
                Long command = tap.command((String) edit[0], (Long) edit[1]);
                Long echo = tap.flagsChanged((String) edit[0], (Long) edit[1]);
                if (command != null) {
                    samples.command.add(Stats.ms(command - (Long) edit[2]));
                }
                if (echo != null) {
                    samples.echo.add(Stats.ms(echo - (Long) edit[2]));
                }
            }
        }
        return figure(samples, lanes * editsPerLane, lanes, failure.get());
    }

    private static void runLane(Stack stack, Lane lane, Samples samples, long deadline)
            throws Exception {
        int port = stack.dovecot.imapPort();
        try (BareImap mailsyncView = new BareImap(port, lane.mailsync());
             BareImap bareView = new BareImap(port, lane.bare());
             BareImap bareWriter = new BareImap(port, lane.bare())) {
            Map<String, BareImap.Entry> mailsyncIndex = mailsyncView.index();
            Map<String, BareImap.Entry> bareIndex = bareView.index();
            for (int e = 0; e < lane.mailsyncIds().size() && System.nanoTime() < deadline; e++) {
                String key = lane.mailsyncIds().get(e);
                long uid = mailsyncIndex.get(key).uid();
                String messageId = lane.apiIds().get(key);
                long sent = System.nanoTime();
                Thread patching = Thread.ofVirtual().start(() -> {
                    PublicApi api = lane.api().api();
                    long start = System.nanoTime();
                    PublicApi.Answer<PatchResult> r = api.answerOnce(() -> api.messages.updateKeywords(
                            lane.accountId(), messageId, PATCH, lane.deviceId(), null));
                    long took = System.nanoTime() - start;
                    if (!r.ok()) {
                        samples.refused.incrementAndGet();
                        Benchmarks.say("P7: PATCH answered " + r.status() + ": " + r.problem());
                    }
                    samples.patch.add(Stats.ms(took));
                });
                double took = awaitFlag(mailsyncView, uid, sent, samples);
                patching.join();
                if (e == 0) {
                    samples.first.add(took); // a session's first write-back: the issue saw it differ from the rest
                } else {
                    samples.system.add(took);
                    samples.edits.add(new Object[] {lane.accountId(), uid, sent});
                }
                Thread.sleep(PAUSE);

                long bareUid = bareIndex.get(lane.bareIds().get(e)).uid();
                long stored = System.nanoTime();
                Thread storing = Thread.ofVirtual().start(() -> {
                    try {
                        bareWriter.store(bareUid, "\\Seen", true);
                    } catch (Exception ex) {
                        samples.refused.incrementAndGet();
                    }
                });
                double bareTook = awaitFlag(bareView, bareUid, stored, samples);
                storing.join();
                if (e > 0) {
                    samples.baseline.add(bareTook);
                }
                Thread.sleep(PAUSE);
            }
        }
    }

    /**
     * Asks the server every 2 ms for the first 300 ms (the region the target is in), every 20 ms after that; a flag
     * not seen within {@link #TIMEOUT} counts as the timeout, so p99 cannot hide it.
     */
    private static double awaitFlag(BareImap view, long uid, long since, Samples samples) throws Exception {
        while (true) {
            boolean seen = view.hasFlag(uid, "\\Seen");
            long now = System.nanoTime();
            double ms = Stats.ms(now - since);
            if (seen) {
                return ms;
            }
            if (ms > TIMEOUT.toMillis()) {
                samples.timeouts.incrementAndGet();
                return TIMEOUT.toMillis();
            }
            Thread.sleep(ms < 300 ? 2 : 20);
        }
    }

    private static Figure figure(Samples samples, int wanted, int lanes, long failedLanes) {
        Stats s = Stats.of(samples.system);
        Stats b = Stats.of(samples.baseline);
        Stats p = Stats.of(samples.patch);
        Stats c = Stats.of(samples.command);
        Stats echo = Stats.of(samples.echo);
        Stats first = Stats.of(samples.first);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("edits", s.count());
        details.put("lanes", lanes);
        details.put("timeouts", samples.timeouts.get());
        details.put("refused", samples.refused.get());
        s.putInto(details, "");
        details.put("baseline_p50_ms", b.p50());
        details.put("baseline_p99_ms", b.p99());
        details.put("patch_answered_p50_ms", p.p50());
        details.put("set_flags_on_kafka_p50_ms", c.p50());
        details.put("set_flags_on_kafka_p99_ms", c.p99());
        details.put("fetcher_echo_on_kafka_p50_ms", echo.p50());
        details.put("first_edit_of_session_p50_ms", first.p50());
        details.put("first_edit_of_session_max_ms", first.max());
        String note = String.format("mailsync p50 %.0f / p99 %.0f / max %.0f ms over %d edits in %d lanes (%d timed out "
                        + "after %d s, %d refused); bare UID STORE p50 %.1f / p99 %.1f ms; PATCH answered p50 %.0f ms; "
                        + "SetFlags on Kafka p50 %.0f / p99 %.0f ms; the fetcher's MessageFlagsChanged (after its STORE) "
                        + "on Kafka p50 %.0f ms; each lane's first edit (not counted): p50 %.0f / max %.0f ms; "
                        + "server polled every 2 ms (20 ms after 300 ms)",
                s.p50(), s.p99(), s.max(), s.count(), lanes, samples.timeouts.get(), TIMEOUT.toSeconds(),
                samples.refused.get(), b.p50(), b.p99(), p.p50(), c.p50(), c.p99(), echo.p50(), first.p50(),
                first.max());
        if (failedLanes > 0) {
            note += "; " + failedLanes + " lanes failed (see the log)";
        }
        return new Figure("P7", "device read -> \\Seen on the server (PATCH via gateway), p99 (n=" + s.count() + ")",
                "ms", s.p99(), b.p99(), "bare UID STORE, seen by a second session", s.p99() / b.p99(), TARGET,
                s.count() >= wanted && samples.timeouts.get() == 0 && s.p99() <= 40, note, details);
    }
}
